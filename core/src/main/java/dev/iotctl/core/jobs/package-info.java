/**
 * AWS IoT Jobs semantics without I/O: the job and job-execution state machines, the rollout
 * engine's rate, abort and retry rules, the device API's topics and error codes, and the AWS JSON
 * shapes of job configurations. The stand-in ({@code dev.iotctl.local.jobs}) stores and serves
 * them; every rule lives here once.
 */
package dev.iotctl.core.jobs;
