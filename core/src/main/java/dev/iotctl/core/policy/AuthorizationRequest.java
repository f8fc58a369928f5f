package dev.iotctl.core.policy;

import java.util.Objects;

/**
 * One authorization check: an action such as {@code iot:Publish}, the full resource ARN (see {@link
 * IotArns}) and the connection's context that supplies policy variables and condition keys.
 */
public record AuthorizationRequest(String action, String resource, PolicyContext context) {
  public AuthorizationRequest {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(context, "context");
  }
}
