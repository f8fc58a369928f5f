/**
 * The stand-in's stand-in for AWS IoT's CloudWatch logging: the device event log that the V2
 * logging settings (SetV2LoggingOptions, SetV2LoggingLevel) filter.
 */
package dev.iotctl.local.logs;
