package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a device needs to connect, as written to {@code DIR/DEVICE/device.json} beside its
 * certificate, key and root CA.
 */
public record DeviceBundle(
    String thingName,
    String certificateId,
    String certificateArn,
    String endpoint,
    int port,
    List<String> command) {

  public static final String CERTIFICATE = "certificate.pem.crt";
  public static final String PRIVATE_KEY = "private.pem.key";
  public static final String ROOT_CA = "root-ca.pem";
  public static final String DEVICE_JSON = "device.json";

  /** The sample device's command line, with the same flags as AWS's Python sample. */
  public static List<String> deviceCommand(Path dir, String thing, String endpoint, int port) {
    return List.of(
        "java",
        "-cp",
        "cli/target/iotctl.jar",
        "dev.iotctl.device.sample.ShadowDevice",
        "--device_name",
        thing,
        "--endpoint",
        endpoint,
        "--port",
        Integer.toString(port),
        "--root_ca",
        dir.resolve(ROOT_CA).toString(),
        "--cert",
        dir.resolve(CERTIFICATE).toString(),
        "--private",
        dir.resolve(PRIVATE_KEY).toString());
  }

  public static Optional<DeviceBundle> read(Path dir) {
    Path file = dir.resolve(DEVICE_JSON);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = Json.MAPPER.readTree(file.toFile());
      List<String> command =
          Json.MAPPER.convertValue(json.path("command"), List.class).stream()
              .map(Object::toString)
              .toList();
      return Optional.of(
          new DeviceBundle(
              json.path("thingName").asText(),
              json.path("certificateId").asText(),
              json.path("certificateArn").asText(),
              json.path("endpoint").asText(),
              json.path("port").asInt(),
              command));
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage());
    }
  }

  public JsonNode toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("thingName", thingName)
        .put("certificateId", certificateId)
        .put("certificateArn", certificateArn)
        .put("endpoint", endpoint)
        .put("port", port);
    command.forEach(json.putArray("command")::add);
    return json;
  }

  /** Written last and atomically: its presence means the bundle is complete. */
  public void write(Path dir) {
    try {
      Pem.writeAtomically(dir.resolve(DEVICE_JSON), Json.MAPPER.writeValueAsString(toJson()));
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot write " + dir + ": " + e.getMessage());
    }
  }
}
