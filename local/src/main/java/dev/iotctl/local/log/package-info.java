/**
 * Logging what clients cause without letting clients write the log: escaping of client-supplied
 * text ({@link dev.iotctl.local.log.LogText}) and rate-limited one-line warnings ({@link
 * dev.iotctl.local.log.ThrottledLog}). Shared by the HTTP API and the MQTT gateway.
 */
package dev.iotctl.local.log;
