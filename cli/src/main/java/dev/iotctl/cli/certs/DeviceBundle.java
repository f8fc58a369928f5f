package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.Iotctl;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.Pem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a device needs to connect, as written to {@code DIR/DEVICE/device.json} beside its
 * certificate, key and root CA.
 *
 * @param endpoint the MQTT host at issue time
 * @param port the MQTT port at issue time
 * @param endpointFile for a stand-in's device, its {@code endpoint.json} (absolute): the stand-in
 *     may come back on another port, so runners read host and port from there; null on AWS
 * @param command runs the sample device with this bundle ({@code iotctl device run DIR}), with
 *     absolute paths so it works from any directory
 */
public record DeviceBundle(
    String thingName,
    String certificateId,
    String certificateArn,
    String endpoint,
    int port,
    Path endpointFile,
    List<String> command) {

  public static final String CERTIFICATE = "certificate.pem.crt";
  public static final String PRIVATE_KEY = "private.pem.key";
  public static final String ROOT_CA = "root-ca.pem";
  public static final String DEVICE_JSON = "device.json";

  /** A bundle for {@code dir} whose command runs the sample device from this iotctl's jar. */
  public static DeviceBundle of(
      Path dir,
      String thingName,
      String certificateId,
      String certificateArn,
      DeviceEndpoint endpoint) {
    return new DeviceBundle(
        thingName,
        certificateId,
        certificateArn,
        endpoint.host(),
        endpoint.port(),
        endpoint.endpointFile(),
        deviceCommand(dir));
  }

  /** The same bundle, moved to {@code dir} (its command names the new place). */
  public DeviceBundle movedTo(Path dir) {
    return new DeviceBundle(
        thingName, certificateId, certificateArn, endpoint, port, endpointFile, deviceCommand(dir));
  }

  /**
   * {@code java -cp <this iotctl, absolute> dev.iotctl.cli.Iotctl device run <dir, absolute>}: no
   * path relative to where the bundle was made, no port that a restart of the stand-in changes.
   */
  static List<String> deviceCommand(Path dir) {
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
            .collect(Collectors.joining(File.pathSeparator));
    return List.of(
        "java",
        "-cp",
        classpath,
        Iotctl.class.getName(),
        "device",
        "run",
        dir.toAbsolutePath().normalize().toString());
  }

  public static Optional<DeviceBundle> read(Path dir) {
    Path file = dir.resolve(DEVICE_JSON);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = Json.MAPPER.readTree(file.toFile());
      List<String> command = new ArrayList<>();
      json.path("command").forEach(part -> command.add(part.asText()));
      return Optional.of(
          new DeviceBundle(
              json.path("thingName").asText(),
              json.path("certificateId").asText(),
              json.path("certificateArn").asText(),
              json.path("endpoint").asText(),
              json.path("port").asInt(),
              json.hasNonNull("endpointFile") ? Path.of(json.get("endpointFile").asText()) : null,
              command));
    } catch (IOException e) {
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
    if (endpointFile != null) {
      json.put("endpointFile", endpointFile.toString());
    }
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
