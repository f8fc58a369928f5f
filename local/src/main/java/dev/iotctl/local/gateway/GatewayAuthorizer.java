package dev.iotctl.local.gateway;

/**
 * Decides an IoT Core action ({@code iot:Connect}, {@code iot:Publish}, {@code iot:Subscribe},
 * {@code iot:Receive}) on a resource ARN for a connection, from the policies attached to its
 * certificate.
 */
@FunctionalInterface
public interface GatewayAuthorizer {

  boolean isAllowed(ConnectionPrincipal principal, String action, String resourceArn);
}
