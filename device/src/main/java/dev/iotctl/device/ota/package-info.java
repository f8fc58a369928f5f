/**
 * Over-the-air firmware updates on the device: {@link dev.iotctl.device.ota.FirmwareUpdater} runs a
 * {@code firmware-update} job (download, SHA-256 and ECDSA signature check with the code-signing
 * key the device trusts, install, report).
 */
package dev.iotctl.device.ota;
