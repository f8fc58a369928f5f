package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code presignedUrlConfig}: the role that signs the S3 URLs replacing {@code
 * ${aws:iot:s3-presigned-url:…}} placeholders, and how long they stay valid (60–3600 s, default
 * 3600).
 */
public record PresignedUrlConfig(Optional<String> roleArn, long expiresInSec) {
  public static final long DEFAULT_EXPIRES = 3600;

  public static PresignedUrlConfig parse(ObjectNode node, String path) {
    Optional<String> role =
        Validation.string(node, "roleArn", path + ".roleArn")
            .map(r -> Validation.text(r, path + ".roleArn", 20, 2048, null));
    long expires =
        Validation.integer(node, "expiresInSec", path + ".expiresInSec", 60, 3600)
            .orElse(DEFAULT_EXPIRES);
    return new PresignedUrlConfig(role, expires);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    roleArn.ifPresent(r -> node.put("roleArn", r));
    node.put("expiresInSec", expiresInSec);
    return node;
  }
}
