package dev.iotctl.core.ota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The job document of a firmware update, as {@code iotctl ota} creates it and the sample device
 * runs it:
 *
 * <pre>{@code
 * {"operation": "firmware-update",
 *  "firmware": {"version": "1.1.0", "name": "fw.bin", "url": "...", "size": 1234,
 *               "sha256": "<hex>", "signature": "<base64 DER>",
 *               "signatureAlgorithm": "SHA256withECDSA"}}
 * }</pre>
 *
 * <p>On AWS {@code url} is a {@code ${aws:iot:s3-presigned-url:…}} placeholder that the Jobs
 * service replaces with a pre-signed S3 URL when the device receives the document.
 */
public record FirmwareDocument(
    String version, String name, String url, long size, String sha256, String signature) {
  public static final String OPERATION = "firmware-update";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

  public FirmwareDocument {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(signature, "signature");
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("firmware version must be 1-64 of [A-Za-z0-9._+-]");
    }
    if (name == null || !VERSION.matcher(name).matches()) {
      throw new IllegalArgumentException("firmware name must be 1-64 of [A-Za-z0-9._+-]");
    }
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  public ObjectNode toJson() {
    ObjectNode doc = JSON.createObjectNode().put("operation", OPERATION);
    doc.putObject("firmware")
        .put("version", version)
        .put("name", name)
        .put("url", url)
        .put("size", size)
        .put("sha256", sha256)
        .put("signature", signature)
        .put("signatureAlgorithm", CodeSigning.ALGORITHM);
    return doc;
  }

  /** The document's JSON text. */
  public String toJsonText() {
    return toJson().toString();
  }

  /**
   * The firmware update a job document describes, or empty when it is another kind of job.
   *
   * @throws IllegalArgumentException when it claims to be a firmware update but is malformed
   */
  public static Optional<FirmwareDocument> parse(JsonNode document) {
    if (document == null || !OPERATION.equals(document.path("operation").asText(null))) {
      return Optional.empty();
    }
    JsonNode f = document.path("firmware");
    String algorithm = f.path("signatureAlgorithm").asText(CodeSigning.ALGORITHM);
    if (!CodeSigning.ALGORITHM.equals(algorithm)) {
      throw new IllegalArgumentException("unsupported signatureAlgorithm " + algorithm);
    }
    if (!f.path("size").canConvertToLong()) {
      throw new IllegalArgumentException("firmware.size must be an integer");
    }
    return Optional.of(
        new FirmwareDocument(
            f.path("version").asText(null),
            f.path("name").asText(null),
            f.path("url").asText(null),
            f.path("size").asLong(),
            f.path("sha256").asText(null),
            f.path("signature").asText(null)));
  }

  /** Parses job document text. */
  public static Optional<FirmwareDocument> parse(String text) {
    try {
      return parse(JSON.readTree(text));
    } catch (IOException e) {
      throw new IllegalArgumentException("the job document is not JSON", e);
    }
  }
}
