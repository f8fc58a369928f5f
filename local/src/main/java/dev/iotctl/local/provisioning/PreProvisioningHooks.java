package dev.iotctl.local.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in for pre-provisioning hook Lambdas. A template's hook {@code
 * arn:aws:lambda:…:function:NAME} is looked up in {@code DIR/hooks/}:
 *
 * <ul>
 *   <li>{@code NAME} (an executable): run with AWS's hook input as JSON on stdin; its stdout is the
 *       hook's answer ({@code {"allowProvisioning": true, "parameterOverrides": {…}}}); it must
 *       finish within 5 seconds, as a Lambda must;
 *   <li>{@code NAME.json}, an allow-list: {@code {"allow": {"SerialNumber": ["A1", "A2"]},
 *       "parameterOverrides": {…}}} allows provisioning when every listed parameter has one of the
 *       listed values.
 * </ul>
 *
 * A hook that is not configured, fails, times out or does not answer {@code "allowProvisioning":
 * true} denies provisioning (AWS: {@code ACCESS_DENIED}).
 */
final class PreProvisioningHooks {
  private static final Logger LOG = LoggerFactory.getLogger(PreProvisioningHooks.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 5;
  private static final int MAX_OUTPUT = 64 * 1024;

  private final Path directory;

  PreProvisioningHooks(Path dataDir) {
    this.directory = dataDir.resolve("hooks");
  }

  /** The hook's decision. */
  record Decision(boolean allowProvisioning, Map<String, String> parameterOverrides) {
    static final Decision DENIED = new Decision(false, Map.of());
  }

  Decision invoke(String targetArn, ObjectNode input) {
    String name = functionName(targetArn);
    if (name == null) {
      return Decision.DENIED;
    }
    Path command = directory.resolve(name);
    Path allowList = directory.resolve(name + ".json");
    try {
      if (Files.isRegularFile(command) && Files.isExecutable(command)) {
        return decision(run(command, input));
      }
      if (Files.isRegularFile(allowList)) {
        return allowListDecision(JSON.readTree(allowList.toFile()), input.path("parameters"));
      }
      LOG.warn("pre-provisioning hook {} is not configured in {}", name, directory);
    } catch (IOException | RuntimeException e) {
      LOG.warn("pre-provisioning hook {} failed: {}", name, e.toString());
    }
    return Decision.DENIED;
  }

  /** {@code arn:aws:lambda:region:account:function:NAME[:qualifier]} → NAME (a safe file name). */
  static String functionName(String arn) {
    String[] parts = arn.split(":");
    if (parts.length < 7 || !"lambda".equals(parts[2]) || !"function".equals(parts[5])) {
      return null;
    }
    String name = parts[6];
    return name.matches("[A-Za-z0-9_-]{1,64}") ? name : null;
  }

  private static JsonNode run(Path command, ObjectNode input) throws IOException {
    Process process =
        new ProcessBuilder(command.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(JSON.writeValueAsBytes(input));
    }
    byte[] output;
    try (InputStream stdout = process.getInputStream()) {
      boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly();
        throw new IOException("no answer within " + TIMEOUT_SECONDS + " s");
      }
      output = stdout.readNBytes(MAX_OUTPUT);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    if (process.exitValue() != 0) {
      throw new IOException("exit code " + process.exitValue());
    }
    try {
      return JSON.readTree(new String(output, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IOException("the answer is not JSON");
    }
  }

  private static Decision decision(JsonNode answer) {
    JsonNode allow = answer.path("allowProvisioning");
    boolean allowed = allow.asBoolean(false) || "true".equalsIgnoreCase(allow.asText());
    return new Decision(allowed, overrides(answer.path("parameterOverrides")));
  }

  private static Decision allowListDecision(JsonNode config, JsonNode parameters) {
    JsonNode allow = config.path("allow");
    var fields = allow.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      String value = parameters.path(entry.getKey()).asText(null);
      boolean listed = false;
      for (JsonNode allowed : entry.getValue()) {
        listed |= allowed.asText().equals(value);
      }
      if (!listed) {
        return Decision.DENIED;
      }
    }
    return new Decision(true, overrides(config.path("parameterOverrides")));
  }

  private static Map<String, String> overrides(JsonNode node) {
    Map<String, String> overrides = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().asText()));
    return overrides;
  }
}
