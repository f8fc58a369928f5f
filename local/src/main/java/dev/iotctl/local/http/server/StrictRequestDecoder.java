package dev.iotctl.local.http.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import java.util.regex.Pattern;

/**
 * Netty's HTTP/1.1 request parser, made strict where leniency lets a request mean two things: the
 * method must be a token, the version HTTP/1.0 or 1.1, the target a valid origin- or absolute-form
 * URI; Content-Length must be plain digits; Transfer-Encoding, if sent, exactly {@code chunked} and
 * never together with Content-Length (request smuggling); Expect only {@code 100-continue}. A
 * violation becomes a failed message carrying a {@link MalformedRequest}. Bare-LF line endings stay
 * accepted (RFC 9112 section 2.2 allows it).
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  /** The last request line seen, so a line refused before a message exists can still be named. */
  private String lastRequestLine;

  StrictRequestDecoder(int maxRequestLine, int maxHeaderBytes, int maxChunkSize) {
    super(maxRequestLine, maxHeaderBytes, maxChunkSize);
  }

  @Override
  protected HttpMessage createMessage(String[] line) {
    lastRequestLine = line[0] + " " + line[1] + " " + line[2];
    if (!TOKEN.matcher(line[0]).matches()) {
      throw MalformedRequest.badRequest("The request method is not a valid token.");
    }
    HttpVersion version =
        switch (line[2]) {
          case "HTTP/1.1" -> HttpVersion.HTTP_1_1;
          case "HTTP/1.0" -> HttpVersion.HTTP_1_0;
          default ->
              throw MalformedRequest.badRequest(
                  line[2].matches("HTTP/[0-9]\\.[0-9]")
                      ? "Only HTTP/1.0 and HTTP/1.1 are supported."
                      : "The request line is not: method, target, HTTP version.");
        };
    RequestTarget.parse(line[1]);
    lastRequestLine = null; // the message names it from here on
    return new DefaultHttpRequest(
        version, HttpMethod.valueOf(line[0]), line[1], new StrictHeaders());
  }

  @Override
  protected HttpMessage createInvalidMessage() {
    RefusedRequestLine refused = new RefusedRequestLine(lastRequestLine);
    lastRequestLine = null;
    return refused;
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw MalformedRequest.badRequest("Content-Length and Transfer-Encoding cannot both be sent.");
  }

  /** The stand-in for a request whose request line was refused: {@code GET /}, no body. */
  static final class RefusedRequestLine extends DefaultFullHttpRequest {
    private final String requestLine;

    RefusedRequestLine(String requestLine) {
      super(HttpVersion.HTTP_1_0, HttpMethod.GET, "/", Unpooled.EMPTY_BUFFER);
      this.requestLine = requestLine;
    }

    /** The request line as sent (raw, to be escaped before logging), or null if none was read. */
    String requestLine() {
      return requestLine;
    }
  }

  /** Headers that refuse ambiguous framing fields as they are parsed. */
  private static final class StrictHeaders extends DefaultHttpHeaders {
    StrictHeaders() {
      super(true);
    }

    @Override
    public HttpHeaders add(CharSequence name, Object value) {
      check(name, value);
      return super.add(name, value);
    }

    @Override
    public HttpHeaders add(String name, Object value) {
      check(name, value);
      return super.add(name, value);
    }

    private void check(CharSequence name, Object value) {
      String text = String.valueOf(value).trim();
      if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
        if (!DIGITS.matcher(text).matches()) {
          throw MalformedRequest.badRequest("Content-Length must be a non-negative integer.");
        }
        if (contains(HttpHeaderNames.TRANSFER_ENCODING)) {
          throw MalformedRequest.badRequest(
              "Content-Length and Transfer-Encoding cannot both be sent.");
        }
      } else if (HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
        if (!text.equalsIgnoreCase("chunked") || contains(HttpHeaderNames.TRANSFER_ENCODING)) {
          throw MalformedRequest.badRequest("The only Transfer-Encoding supported is chunked.");
        }
        if (contains(HttpHeaderNames.CONTENT_LENGTH)) {
          throw MalformedRequest.badRequest(
              "Content-Length and Transfer-Encoding cannot both be sent.");
        }
      } else if (HttpHeaderNames.EXPECT.contentEqualsIgnoreCase(name)
          && !text.equalsIgnoreCase("100-continue")) {
        throw MalformedRequest.expectationFailed();
      }
    }
  }
}
