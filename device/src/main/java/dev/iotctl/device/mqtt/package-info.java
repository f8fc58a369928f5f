/** The device's MQTT connection over mutual TLS (Eclipse Paho underneath). */
package dev.iotctl.device.mqtt;
