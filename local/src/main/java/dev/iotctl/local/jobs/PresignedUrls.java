package dev.iotctl.local.jobs;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.S3Location;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stand-in's pre-signed URLs for {@code DIR/files} objects, shaped like S3's ({@code
 * X-Amz-Algorithm}, {@code X-Amz-Credential …/s3/aws4_request}, {@code X-Amz-Date}, {@code
 * X-Amz-Expires}, {@code X-Amz-Signature}) so the HTTP API's SigV4 check accepts them. The
 * signature is an HMAC-SHA256 over method, path and validity with a key kept in {@code jobs.db}: a
 * URL cannot be forged or stretched, and it expires like AWS's.
 */
public final class PresignedUrls {
  /** The path prefix under which the HTTP API serves {@code DIR/files}. */
  public static final String PATH_PREFIX = "/files/";

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String ACCESS_KEY = "IOTCTLSTANDIN";

  private final byte[] key;
  private final String region;
  private final Clock clock;

  public PresignedUrls(byte[] key, String region, Clock clock) {
    this.key = key.clone();
    this.region = region;
    this.clock = clock;
  }

  /** A URL under {@code base} that lets anyone GET {@code location} for {@code expiresInSec}. */
  public String presign(URI base, S3Location location, long expiresInSec) {
    String path = path(location);
    String date = AMZ_DATE.format(clock.instant());
    String credential = ACCESS_KEY + "/" + date.substring(0, 8) + "/" + region + "/s3/aws4_request";
    String signature = sign(path, date, expiresInSec);
    String b = base.toString();
    return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
        + path
        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
        + URLEncoder.encode(credential, StandardCharsets.UTF_8)
        + "&X-Amz-Date="
        + date
        + "&X-Amz-Expires="
        + expiresInSec
        + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
        + signature;
  }

  /**
   * Checks a request's pre-signature for {@code location}.
   *
   * @param query the decoded query parameters
   * @throws IotException 403 AccessDenied when it is not one of ours, altered or expired
   */
  public void verify(S3Location location, Function<String, Optional<String>> query) {
    String date = query.apply("X-Amz-Date").orElseThrow(() -> denied("Missing X-Amz-Date"));
    String expires =
        query.apply("X-Amz-Expires").orElseThrow(() -> denied("Missing X-Amz-Expires"));
    String signature =
        query.apply("X-Amz-Signature").orElseThrow(() -> denied("Missing X-Amz-Signature"));
    long seconds;
    Instant signedAt;
    try {
      seconds = Long.parseLong(expires);
      signedAt = Instant.from(AMZ_DATE.parse(date));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw denied("Malformed X-Amz-Date or X-Amz-Expires");
    }
    byte[] expected = sign(path(location), date, seconds).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new IotException(
          "SignatureDoesNotMatch",
          403,
          "The request signature we calculated does not match the signature you provided.");
    }
    if (clock.instant().isAfter(signedAt.plusSeconds(seconds))) {
      throw denied("Request has expired");
    }
  }

  /** {@code /files/{bucket}/{key}} with the key as one percent-encoded segment. */
  static String path(S3Location location) {
    return PATH_PREFIX
        + URLEncoder.encode(location.bucket(), StandardCharsets.UTF_8)
        + "/"
        + URLEncoder.encode(location.key(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String sign(String path, String date, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(
              ("GET\n" + path + "\n" + date + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IotException denied(String message) {
    return new IotException("AccessDenied", 403, message);
  }
}
