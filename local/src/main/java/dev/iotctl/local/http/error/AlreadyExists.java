package dev.iotctl.local.http.error;

import dev.iotctl.core.error.IotException;
import java.util.Optional;

/**
 * ResourceAlreadyExistsException with the {@code resourceId} and {@code resourceArn} members AWS
 * adds to its body.
 */
public final class AlreadyExists extends IotException implements ResourceDetail {
  private static final long serialVersionUID = 1L;

  private final String resourceId;
  private final String resourceArn;

  private AlreadyExists(String message, String resourceId, String resourceArn) {
    super("ResourceAlreadyExistsException", 409, message);
    this.resourceId = resourceId;
    this.resourceArn = resourceArn;
  }

  /**
   * Runs {@code action}; a ResourceAlreadyExistsException it throws gains the resource's id and
   * ARN.
   */
  public static <T> T naming(
      String resourceId,
      java.util.function.Supplier<String> resourceArn,
      java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (IotException e) {
      if (e.errorCode().equals("ResourceAlreadyExistsException") && !(e instanceof AlreadyExists)) {
        throw new AlreadyExists(e.getMessage(), resourceId, resourceArn.get());
      }
      throw e;
    }
  }

  @Override
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  @Override
  public Optional<String> resourceArn() {
    return Optional.ofNullable(resourceArn);
  }
}
