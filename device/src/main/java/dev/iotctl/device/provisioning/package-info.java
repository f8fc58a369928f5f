/**
 * The device side of AWS IoT fleet provisioning by claim: the device provisioning MQTT API ({@code
 * $aws/certificates/create-from-csr/json}, {@code $aws/provisioning-templates/NAME/provision/json})
 * as request and reply.
 */
package dev.iotctl.device.provisioning;
