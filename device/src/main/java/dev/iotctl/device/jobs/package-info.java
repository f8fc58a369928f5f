/**
 * The AWS IoT Jobs device API over MQTT ({@code $aws/things/T/jobs/…}): {@link
 * dev.iotctl.device.jobs.JobsClient} sends StartNextPendingJobExecution and UpdateJobExecution and
 * follows {@code notify-next}; {@link dev.iotctl.device.jobs.JobRunner} runs a device's jobs one
 * after another through a {@link dev.iotctl.device.jobs.JobHandler}.
 */
package dev.iotctl.device.jobs;
