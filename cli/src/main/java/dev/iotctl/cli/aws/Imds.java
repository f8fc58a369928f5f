package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The EC2 instance metadata service, asked at most for one second per command: off EC2 nothing
 * answers, and the SDK's own lookups (three attempts, one second each, per provider) made a command
 * with no credentials or region wait seconds before failing. IMDSv2 (a session token first), as the
 * AWS CLI does; {@code AWS_EC2_METADATA_DISABLED=true} skips it, {@code
 * AWS_EC2_METADATA_SERVICE_ENDPOINT} moves it.
 */
final class Imds {
  static final Duration BUDGET = Duration.ofSeconds(1);
  private static final String DEFAULT_ENDPOINT = "http://169.254.169.254";

  private final String endpoint;
  private final boolean disabled;
  private long deadline;
  private Boolean reachable;
  private String token;

  Imds(CliEnvironment env) {
    this.endpoint =
        env.get("AWS_EC2_METADATA_SERVICE_ENDPOINT").orElse(DEFAULT_ENDPOINT).replaceAll("/+$", "");
    this.disabled =
        env.get("AWS_EC2_METADATA_DISABLED").map("true"::equalsIgnoreCase).orElse(false);
  }

  /** The endpoint the SDK's instance-profile credentials provider should use. */
  String endpoint() {
    return endpoint;
  }

  /** True when the service answered within the budget (asked once per command). */
  synchronized boolean reachable() {
    if (reachable == null) {
      reachable = !disabled && fetchToken();
    }
    return reachable;
  }

  /** The instance's region, when running on EC2. */
  synchronized Optional<String> region() {
    if (!reachable()) {
      return Optional.empty();
    }
    try {
      HttpURLConnection get = open("/latest/meta-data/placement/region", "GET");
      get.setRequestProperty("X-aws-ec2-metadata-token", token);
      return get.getResponseCode() == 200 ? Optional.of(body(get).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private boolean fetchToken() {
    deadline = System.nanoTime() + BUDGET.toNanos();
    try {
      HttpURLConnection put = open("/latest/api/token", "PUT");
      put.setRequestProperty("X-aws-ec2-metadata-token-ttl-seconds", "21600");
      if (put.getResponseCode() != 200) {
        return false;
      }
      token = body(put);
      return !token.isBlank();
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private HttpURLConnection open(String path, String method) throws IOException {
    int left = (int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
    if (deadline - System.nanoTime() <= 0) {
      throw new IOException("instance metadata budget spent");
    }
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(endpoint + path).toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(left);
    connection.setReadTimeout(left);
    connection.setUseCaches(false);
    return connection;
  }

  private static String body(HttpURLConnection connection) throws IOException {
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
  }
}
