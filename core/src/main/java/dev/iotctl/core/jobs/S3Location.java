package dev.iotctl.core.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket and key named by an S3 object URL, as job documents' {@code documentSource} and {@code
 * ${aws:iot:s3-presigned-url:…}} placeholders give them: path style ({@code
 * https://s3[.region].amazonaws.com/bucket/key}), virtual-hosted style ({@code
 * https://bucket.s3[.region].amazonaws.com/key}) or {@code s3://bucket/key}.
 */
public record S3Location(String bucket, String key) {
  private static final Pattern PATH_STYLE =
      Pattern.compile("s3([.-][a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?");
  private static final Pattern VIRTUAL_HOSTED =
      Pattern.compile(
          "([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\\.s3([.-][a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /** The location a URL names, or empty when it is no S3 object URL. */
  public static Optional<S3Location> parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String host = uri.getHost();
    String path = uri.getPath();
    if (host == null || path == null) {
      return Optional.empty();
    }
    if ("s3".equals(uri.getScheme())) {
      return of(host, strip(path));
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      return Optional.empty();
    }
    if (PATH_STYLE.matcher(host).matches()) {
      String rest = strip(path);
      int slash = rest.indexOf('/');
      return slash < 0 ? Optional.empty() : of(rest.substring(0, slash), rest.substring(slash + 1));
    }
    Matcher virtual = VIRTUAL_HOSTED.matcher(host);
    if (virtual.matches()) {
      return of(virtual.group(1), strip(path));
    }
    return Optional.empty();
  }

  private static Optional<S3Location> of(String bucket, String key) {
    if (!BUCKET.matcher(bucket).matches() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new S3Location(bucket, key));
  }

  private static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
