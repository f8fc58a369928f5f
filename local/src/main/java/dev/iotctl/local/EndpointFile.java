package dev.iotctl.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code DIR/endpoint.json}: how tools reach a running stand-in. Written atomically once everything
 * accepts connections, deleted on a clean shutdown (a stale file after a crash is overwritten by
 * the next start).
 */
final class EndpointFile {
  static final String FILE_NAME = "endpoint.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EndpointFile() {}

  static Path write(
      Path dataDir,
      int mqttPort,
      URI httpUrl,
      Path rootCa,
      LocalIotCoreConfig config,
      Path operatorDir) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("mqttHost", "127.0.0.1");
    endpoint.put("mqttPort", mqttPort);
    if (httpUrl != null) {
      endpoint.put("httpUrl", httpUrl.toString());
    }
    endpoint.put("rootCaPath", rootCa.toAbsolutePath().toString());
    endpoint.put("region", config.region());
    endpoint.put("accountId", config.accountId());
    endpoint.put("operatorCertDir", operatorDir.toAbsolutePath().toString());
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Pem.writeAtomically(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(endpoint) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return file;
  }

  static void delete(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
