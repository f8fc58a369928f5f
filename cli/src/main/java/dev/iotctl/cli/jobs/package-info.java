/**
 * {@code iotctl jobs}: AWS IoT Jobs from the command line (create with rollout, abort and timeout
 * settings; describe; list; cancel; watch a job's progress until it ends).
 */
package dev.iotctl.cli.jobs;
