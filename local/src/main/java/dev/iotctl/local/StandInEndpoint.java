package dev.iotctl.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code DIR/endpoint.json}: how tools reach a running stand-in. Written atomically once everything
 * accepts connections, and deleted on a clean stop by the stand-in that wrote it (a stale file
 * after a crash is replaced by the next start).
 *
 * @param mqttHost where devices connect (always 127.0.0.1)
 * @param mqttPort the MQTT-over-TLS port
 * @param httpUrl the HTTP API, or null when it was not started
 * @param rootCaPath the root CA certificate clients trust (absolute)
 * @param operatorCertDir the operator bundle, an MQTT identity for tooling (absolute)
 * @param quotas {@code aws} when the control plane throttles at AWS's default rates, else {@code
 *     none}
 * @param pid the process that runs the stand-in
 */
public record StandInEndpoint(
    String mqttHost,
    int mqttPort,
    URI httpUrl,
    Path rootCaPath,
    String region,
    String accountId,
    Path operatorCertDir,
    String quotas,
    long pid) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code DIR/endpoint.json}; empty when no stand-in runs there. */
  public static Optional<StandInEndpoint> read(Path dataDir) throws IOException {
    Path file = new StandInFiles(dataDir).endpoint();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode json;
    try {
      json = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (json == null || !json.isObject()) {
      throw new IOException(file + " is not a JSON object");
    }
    return Optional.of(
        new StandInEndpoint(
            text(json, "mqttHost", file),
            json.path("mqttPort").asInt(),
            json.hasNonNull("httpUrl") ? URI.create(json.get("httpUrl").asText()) : null,
            Path.of(text(json, "rootCaPath", file)),
            text(json, "region", file),
            text(json, "accountId", file),
            Path.of(text(json, "operatorCertDir", file)),
            json.path("quotas").asText("none"),
            json.path("pid").asLong()));
  }

  /** Replaces {@code DIR/endpoint.json} atomically. */
  public Path write(Path dataDir) {
    Path file = new StandInFiles(dataDir).endpoint();
    try {
      Pem.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return file;
  }

  /** True when the stand-in throttles like AWS ({@code --quotas aws}). */
  public boolean awsQuotas() {
    return "aws".equals(quotas);
  }

  public ObjectNode toJson() {
    ObjectNode json = JSON.createObjectNode();
    json.put("mqttHost", mqttHost).put("mqttPort", mqttPort);
    if (httpUrl != null) {
      json.put("httpUrl", httpUrl.toString());
    }
    json.put("rootCaPath", rootCaPath.toString())
        .put("region", region)
        .put("accountId", accountId)
        .put("operatorCertDir", operatorCertDir.toString())
        .put("quotas", quotas)
        .put("pid", pid);
    return json;
  }

  private static String text(JsonNode json, String field, Path file) throws IOException {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new IOException(file + " has no '" + field + "'");
    }
    return value.asText();
  }
}
