package dev.iotctl.local.gateway;

import java.security.cert.X509Certificate;

/**
 * Who is acting on a connection: the client id from its CONNECT, the certificate it proved during
 * the handshake, that certificate's registry record and the peer's IP address.
 */
public record ConnectionPrincipal(
    String clientId, X509Certificate certificate, DeviceRecord device, String sourceIp) {}
