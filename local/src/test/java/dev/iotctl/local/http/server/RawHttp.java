package dev.iotctl.local.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bare TCP client for tests: writes exactly the bytes it is given (malformed, slow, oversized)
 * and reads back one HTTP/1.1 response, whatever the server makes of them.
 */
final class RawHttp implements AutoCloseable {
  static final String AUTH_CONTROL =
      "AWS4-HMAC-SHA256 Credential=dummy/20240101/us-east-1/execute-api/aws4_request, "
          + "SignedHeaders=host;x-amz-date, Signature="
          + "0".repeat(64);
  static final String AUTH_DATA = AUTH_CONTROL.replace("execute-api", "iotdata");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Socket socket;
  private final InputStream in;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  static RawHttp connect(URI base) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    socket.setTcpNoDelay(true);
    return new RawHttp(socket);
  }

  /** Writes {@code text} byte for byte (ISO-8859-1, so {@code \u00ff} is the byte 0xff). */
  RawHttp write(String text) throws IOException {
    return write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp write(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** The client's port, as the server sees and logs it. */
  int localPort() {
    return socket.getLocalPort();
  }

  /** Closes the sending side, as a client does that has said all it will say. */
  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /**
   * The next response, or empty when the connection ends (closed or reset) before a whole one
   * arrives.
   *
   * @throws SocketTimeoutException when nothing conclusive arrives within {@code timeout}
   */
  Optional<Response> read(Duration timeout) throws IOException {
    return read(timeout, false);
  }

  /** The next response to a HEAD request: its headers only, whatever Content-Length says. */
  Optional<Response> readHeadResponse(Duration timeout) throws IOException {
    return read(timeout, true);
  }

  private Optional<Response> read(Duration timeout, boolean headOnly) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      String head = readHead();
      if (head == null) {
        return Optional.empty();
      }
      String[] lines = head.split("\r\n");
      String[] status = lines[0].split(" ", 3);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers
              .computeIfAbsent(
                  lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                  k -> new ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      byte[] body;
      List<String> length = headers.get("content-length");
      if (headOnly) {
        body = new byte[0];
      } else if (length != null) {
        body = in.readNBytes(Integer.parseInt(length.get(0)));
      } else if (headers.containsKey("transfer-encoding")) {
        body = in.readAllBytes(); // the old server's chunked error pages: enough to classify
      } else {
        body = new byte[0];
      }
      return Optional.of(new Response(Integer.parseInt(status[1]), headers, body));
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return Optional.empty(); // reset
    }
  }

  /** True once the server has closed the connection (EOF or reset), false if still open. */
  boolean closedByServer(Duration wait) throws IOException {
    socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
    try {
      while (in.read() >= 0) {
        // a response (e.g. 408) may come first
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** One response as read off the wire; header names lower-cased. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Why this response is not what AWS sends, or empty if it is: errors carry {@code
     * x-amzn-ErrorType} and a JSON body with a message and no stack trace, client input never earns
     * a 500, and every response has a request id.
     */
    Optional<String> notAwsShaped() {
      if (status >= 500 && status != 503) {
        return Optional.of("status " + status + " for client input");
      }
      if (header("x-amzn-RequestId").isEmpty()) {
        return Optional.of("no x-amzn-RequestId");
      }
      if (status < 400) {
        return Optional.empty();
      }
      if (header("x-amzn-ErrorType").filter(t -> !t.isBlank()).isEmpty()) {
        return Optional.of(status + " without x-amzn-ErrorType: " + abbreviated());
      }
      if (!header("Content-Type").orElse("").startsWith("application/json")) {
        return Optional.of(status + " as " + header("Content-Type").orElse("no content type"));
      }
      try {
        JsonNode json = JSON.readTree(body);
        if (json == null || !json.path("message").isTextual()) {
          return Optional.of(status + " body without a message: " + abbreviated());
        }
      } catch (IOException e) {
        return Optional.of(status + " body is not JSON: " + abbreviated());
      }
      if (text().contains("\tat ") || text().contains("Exception:")) {
        return Optional.of(status + " body looks like a stack trace: " + abbreviated());
      }
      return Optional.empty();
    }

    private String abbreviated() {
      String text = text();
      return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
  }
}
