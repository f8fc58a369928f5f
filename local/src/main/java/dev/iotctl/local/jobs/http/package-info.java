/**
 * The Jobs service on the stand-in's HTTP API: the {@code iot} control-plane operations for jobs,
 * job executions and job templates, the {@code iot-jobs-data} device API under {@code /jobs-data},
 * and the pre-signed file downloads under {@code /files}.
 */
package dev.iotctl.local.jobs.http;
