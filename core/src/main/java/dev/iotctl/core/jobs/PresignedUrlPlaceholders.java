package dev.iotctl.core.jobs;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${aws:iot:s3-presigned-url:URL}} placeholders in a job document: AWS replaces each with a
 * pre-signed URL for the S3 object {@code URL} whenever a device receives the document.
 */
public final class PresignedUrlPlaceholders {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{aws:iot:s3-presigned-url:([^}]+)}");

  private PresignedUrlPlaceholders() {}

  public static boolean containsAny(String document) {
    return PLACEHOLDER.matcher(document).find();
  }

  /**
   * The document with every placeholder replaced by {@code presign(location)}.
   *
   * @throws dev.iotctl.core.error.IotException InvalidRequestException for a placeholder whose URL
   *     names no S3 object
   */
  public static String replace(String document, Function<S3Location, String> presign) {
    Matcher m = PLACEHOLDER.matcher(document);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(presign.apply(location(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Checks every placeholder names an S3 object. */
  public static void validate(String document) {
    Matcher m = PLACEHOLDER.matcher(document);
    while (m.find()) {
      location(m.group(1));
    }
  }

  private static S3Location location(String url) {
    return S3Location.parse(url)
        .orElseThrow(
            () ->
                dev.iotctl.core.error.IotException.invalidRequest(
                    "The presigned URL placeholder does not name an S3 object URL: " + url));
  }
}
