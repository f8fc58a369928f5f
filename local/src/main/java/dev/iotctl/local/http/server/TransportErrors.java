package dev.iotctl.local.http.server;

import dev.iotctl.core.error.IotException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.time.Duration;

/**
 * The AWS-shaped errors for requests that fail as HTTP, before any operation sees them. Messages
 * are fixed text: nothing a client sent is echoed back.
 */
final class TransportErrors {
  private TransportErrors() {}

  /** The answer to a request Netty's parser or {@link StrictRequestDecoder} refused. */
  static IotException of(Throwable cause) {
    if (cause instanceof MalformedRequest malformed) {
      return malformed.error();
    }
    if (cause instanceof TooLongHttpLineException) {
      return new IotException(
          "RequestUriTooLongException",
          414,
          "The request line is longer than " + HttpApiServer.MAX_REQUEST_LINE + " bytes.");
    }
    if (cause instanceof TooLongFrameException) {
      return new IotException(
          "RequestHeaderFieldsTooLargeException",
          431,
          "The request headers are larger than " + HttpApiServer.MAX_HEADER_BYTES + " bytes.");
    }
    if (cause instanceof PrematureChannelClosureException) {
      return incomplete();
    }
    if (cause instanceof NumberFormatException) {
      return IotException.invalidRequest("A chunk size is not a hexadecimal number.");
    }
    return IotException.invalidRequest("The request is not valid HTTP/1.1.");
  }

  /** 413, as AWS answers a body over the operation's limit. */
  static IotException tooLarge() {
    return new IotException(
        "RequestEntityTooLargeException", 413, "The payload exceeds the maximum size allowed");
  }

  /** 408 for a request that did not arrive in time. */
  static IotException timeout(String part, Duration limit) {
    return new IotException(
        "RequestTimeoutException",
        408,
        "The request "
            + part
            + " did not arrive within "
            + (limit.toMillis() % 1000 == 0
                ? limit.toSeconds() + " s."
                : limit.toMillis() + " ms."));
  }

  /** 400 for a request cut short by the client closing its side. */
  static IotException incomplete() {
    return IotException.invalidRequest(
        "The connection was closed before the request was complete.");
  }

  /** 503 when every worker is busy and the queue is full. */
  static IotException overloaded() {
    return new IotException(
        "ServiceUnavailableException", 503, "The service is busy; retry the request.");
  }
}
