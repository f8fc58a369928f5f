/**
 * The iotctl device client: what a device needs to talk to AWS IoT Core (or the local stand-in)
 * with its own X.509 certificate.
 *
 * <ul>
 *   <li>{@link dev.iotctl.device.tls} reads the device's PEM files and builds the mutual TLS 1.2
 *       context.
 *   <li>{@link dev.iotctl.device.mqtt} is the MQTT connection: clean session, keep-alive, automatic
 *       reconnect with bounded backoff, resubscribe, QoS 0/1.
 *   <li>{@link dev.iotctl.device.shadow} is the Device Shadow client over the reserved {@code
 *       $aws/things/.../shadow} topics, classic and named.
 *   <li>{@link dev.iotctl.device.sample} is the hands-on's dummy device ({@code ShadowDevice}),
 *       also runnable in-process ({@code ShadowDeviceApp}).
 * </ul>
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * SSLContext tls = DeviceTls.fromPemFiles(rootCa, certificate, privateKey);
 * try (DeviceConnection mqtt =
 *         DeviceConnection.open(DeviceConnectionSettings.of(endpoint, 8883, thingName), tls);
 *     ShadowClient shadow = ShadowClient.classic(mqtt, thingName)) {
 *   shadow.onDelta(delta -> ...).join();
 *   shadow.report(json).join();
 * }
 * }</pre>
 */
package dev.iotctl.device;
