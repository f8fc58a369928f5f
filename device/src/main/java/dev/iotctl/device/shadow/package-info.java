/** Device Shadow requests, replies and deltas over MQTT. */
package dev.iotctl.device.shadow;
