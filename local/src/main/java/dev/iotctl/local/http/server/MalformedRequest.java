package dev.iotctl.local.http.server;

import dev.iotctl.core.error.IotException;

/**
 * A request the HTTP parser refuses, with the AWS error to answer. Thrown inside Netty's decoder
 * (hence an {@link IllegalArgumentException}, which the decoder turns into a failed message); the
 * message is fixed text, never what the client sent.
 */
final class MalformedRequest extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient IotException error;

  private MalformedRequest(IotException error) {
    super(error.getMessage());
    this.error = error;
  }

  /** 400 InvalidRequestException. */
  static MalformedRequest badRequest(String message) {
    return new MalformedRequest(IotException.invalidRequest(message));
  }

  /** 417 for an {@code Expect} other than {@code 100-continue}. */
  static MalformedRequest expectationFailed() {
    return new MalformedRequest(
        new IotException(
            "ExpectationFailedException", 417, "Only Expect: 100-continue is supported."));
  }

  IotException error() {
    return error;
  }
}
