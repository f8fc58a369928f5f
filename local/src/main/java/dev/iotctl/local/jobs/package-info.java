/**
 * The stand-in's AWS IoT Jobs service: jobs and job templates (control plane), the device API over
 * MQTT ({@code $aws/things/T/jobs/…}) and HTTP ({@code iot-jobs-data}), and the rollout engine that
 * releases executions at the configured rate, aborts, times out, retries and completes jobs. State
 * lives in {@code jobs.db} (SQLite, WAL, synchronous FULL) and survives restarts; the rules come
 * from {@code dev.iotctl.core.jobs}. OTA files are served from {@code DIR/files/} through stand-in
 * pre-signed URLs.
 */
package dev.iotctl.local.jobs;
