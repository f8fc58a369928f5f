package dev.iotctl.local.http.error;

import java.util.Optional;

/**
 * Implemented by errors that name the resource they concern, such as {@code
 * ResourceAlreadyExistsException} ({@code resourceId}, {@code resourceArn} in the body).
 */
public interface ResourceDetail {
  Optional<String> resourceId();

  Optional<String> resourceArn();
}
