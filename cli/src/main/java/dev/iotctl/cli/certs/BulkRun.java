package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Which bulk run a manifest belongs to: {@code --prefix P --count N}, or {@code --from CSV} with a
 * digest of the device names it listed, so {@code --resume} of another run is refused.
 *
 * @param from the CSV (absolute), or null
 * @param devicesDigest SHA-256 of the device names, in order
 */
record BulkRun(String prefix, Integer count, Path from, String devicesDigest) {

  static BulkRun of(String prefix, Integer count, Path from, List<String> devices) {
    return new BulkRun(
        prefix,
        prefix == null ? null : count,
        from == null ? null : from.toAbsolutePath().normalize(),
        digest(devices));
  }

  /** How the user would write it. */
  String describe() {
    return from != null
        ? "--from " + from + " (" + "devices " + devicesDigest.substring(0, 12) + "…)"
        : "--prefix " + prefix + " --count " + count;
  }

  /** Same run: same prefix and count, or same file listing the same devices. */
  boolean sameAs(BulkRun other) {
    return Objects.equals(prefix, other.prefix)
        && Objects.equals(count, other.count)
        && Objects.equals(from, other.from)
        && Objects.equals(devicesDigest, other.devicesDigest);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    if (prefix != null) {
      json.put("prefix", prefix).put("count", count);
    }
    if (from != null) {
      json.put("from", from.toString());
    }
    json.put("devicesSha256", devicesDigest);
    return json;
  }

  static BulkRun fromJson(JsonNode json) {
    return new BulkRun(
        json.hasNonNull("prefix") ? json.get("prefix").asText() : null,
        json.hasNonNull("count") ? json.get("count").asInt() : null,
        json.hasNonNull("from") ? Path.of(json.get("from").asText()) : null,
        json.path("devicesSha256").asText(null));
  }

  private static String digest(List<String> devices) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String device : devices) {
        sha.update(device.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
