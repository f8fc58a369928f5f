package dev.iotctl.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The stand-in's {@code endpoint.json}, written by {@code iotctl local up} when it is ready.
 *
 * @param dataDir the stand-in's data directory
 * @param operatorCertDir the stand-in's operator bundle (an MQTT identity for tooling), or null
 */
public record LocalEndpoint(
    Path dataDir,
    String mqttHost,
    int mqttPort,
    String httpUrl,
    Path rootCaPath,
    String region,
    String accountId,
    Path operatorCertDir) {

  public static final Path DEFAULT_DATA_DIR = Path.of(".iotctl", "local");
  public static final String FILE_NAME = "endpoint.json";

  public static LocalEndpoint read(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CliException(
          ExitCodes.UNREACHABLE,
          "the local stand-in is not running: " + file + " does not exist",
          "start it with 'iotctl local up --data-dir " + dataDir + "'");
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage());
    }
    String httpUrl = text(json, "httpUrl", file);
    return new LocalEndpoint(
        dataDir,
        text(json, "mqttHost", file),
        json.path("mqttPort").asInt(),
        httpUrl,
        Path.of(text(json, "rootCaPath", file)),
        text(json, "region", file),
        text(json, "accountId", file),
        json.hasNonNull("operatorCertDir") ? Path.of(json.get("operatorCertDir").asText()) : null);
  }

  private static String text(JsonNode json, String field, Path file) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new CliException(
          ExitCodes.FAILURE, file + " has no '" + field + "'", "restart 'iotctl local up'");
    }
    return value.asText();
  }
}
