package dev.iotctl.device.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the sample's command line, which keeps the Python hands-on device's flag names: {@code
 * --device_name --endpoint --root_ca --cert --private}, plus {@code --port}. Flags take {@code
 * --flag value} or {@code --flag=value}; dashes and underscores are interchangeable.
 */
public final class ShadowDeviceArgs {
  /** The help text. */
  public static final String USAGE =
      """
      Usage: shadow-device --device_name NAME --endpoint HOST --root_ca PEM --cert PEM --private PEM
                           [--port 8883] [--shadow_name NAME] [--shadow_property wait_time]
                           [--wait_time 5] [--topic devices/NAME/telemetry] [--count N] [--duration SECONDS]
                           [--keep_alive 30]
                           [--code_signing_key PEM [--firmware_dir firmware] [--firmware_version 1.0.0]]
             shadow-device --provision-by-claim --template NAME --claim-cert PEM --claim-key PEM
                           [--template-parameters JSON] --endpoint HOST --root_ca PEM --cert PEM
                           --private PEM [--device_name CLAIM_CLIENT_ID] [...]
        Connects as thing NAME, reports {"state":{"reported":{"wait_time":5}}}, applies desired
        wait_time values from the shadow's delta, and publishes a reading to --topic every wait_time
        seconds. Runs until interrupted, or until --count readings or --duration seconds.
        With --code_signing_key it also runs firmware-update jobs (AWS IoT Jobs): downloads the
        file, checks its SHA-256 and its ECDSA signature against that public key, installs it into
        --firmware_dir and reports firmware_version in the shadow.
        With --provision-by-claim, a device without its own certificate first connects with the
        claim certificate, makes its key and CSR locally, obtains its certificate and registers
        with the template (fleet provisioning), stores the bundle at --cert/--private, and runs as
        the thing the template named.""";

  private static final List<String> FLAGS =
      List.of(
          "device_name",
          "endpoint",
          "root_ca",
          "cert",
          "private",
          "port",
          "shadow_name",
          "shadow_property",
          "wait_time",
          "topic",
          "count",
          "duration",
          "keep_alive",
          "code_signing_key",
          "firmware_dir",
          "firmware_version",
          "provision_by_claim",
          "template",
          "claim_cert",
          "claim_key",
          "template_parameters");

  private static final String CLAIM = "provision_by_claim";

  private ShadowDeviceArgs() {}

  /** Thrown for a command line the sample cannot run with; the message says why. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** True when the arguments ask for help. */
  public static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  public static ShadowDeviceConfig parse(String[] args) {
    Map<String, String> values = values(args);
    if (values.containsKey(CLAIM) && !values.containsKey("device_name")) {
      // The claim connection's client id; the thing name comes from the template.
      values.put("device_name", "claim-" + Long.toHexString(new SecureRandom().nextLong()));
    }
    return config(values);
  }

  /** The fleet provisioning settings, when {@code --provision-by-claim} is given. */
  public static Optional<ClaimSettings> parseClaim(String[] args) {
    Map<String, String> values = values(args);
    if (!values.containsKey(CLAIM)) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    String json = values.get("template_parameters");
    if (json != null) {
      try {
        new ObjectMapper()
            .readTree(json)
            .fields()
            .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
      } catch (IOException e) {
        throw new UsageException("--template-parameters must be a JSON object");
      }
    }
    return Optional.of(
        new ClaimSettings(
            required(values, "template"),
            Path.of(required(values, "claim_cert")),
            Path.of(required(values, "claim_key")),
            parameters));
  }

  private static Map<String, String> values(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("Unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (name.replace('-', '_').equals(CLAIM)) {
        value = "true"; // a switch
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("Missing value for --" + name);
      }
      name = name.replace('-', '_');
      if (!FLAGS.contains(name)) {
        throw new UsageException("Unknown option: --" + name);
      }
      values.put(name, value);
    }
    return values;
  }

  private static ShadowDeviceConfig config(Map<String, String> values) {
    String deviceName = required(values, "device_name");
    String duration = values.get("duration");
    ShadowDeviceConfig config =
        new ShadowDeviceConfig(
            deviceName,
            required(values, "endpoint"),
            positive(values, "port", 8883),
            Path.of(required(values, "root_ca")),
            Path.of(required(values, "cert")),
            Path.of(required(values, "private")),
            values.get("shadow_name"),
            values.getOrDefault("shadow_property", "wait_time"),
            positive(values, "wait_time", 5),
            values.getOrDefault("topic", "devices/" + deviceName + "/telemetry"),
            nonNegative(values, "count", 0),
            duration == null ? null : Duration.ofSeconds(positive(values, "duration", 0)),
            Duration.ofSeconds(positive(values, "keep_alive", 30)),
            ShadowDeviceConfig.DEFAULT_REQUEST_TIMEOUT);
    String key = values.get("code_signing_key");
    if (key == null) {
      if (values.containsKey("firmware_dir") || values.containsKey("firmware_version")) {
        throw new UsageException("--firmware_dir and --firmware_version need --code_signing_key");
      }
      return config;
    }
    return config.withOta(
        new ShadowDeviceConfig.Ota(
            Path.of(key),
            Path.of(values.getOrDefault("firmware_dir", "firmware")),
            values.getOrDefault("firmware_version", "1.0.0")));
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("Missing required option --" + name);
    }
    return value;
  }

  private static int positive(Map<String, String> values, String name, int fallback) {
    int value = nonNegative(values, name, fallback);
    if (value == 0) {
      throw new UsageException("--" + name + " must be a positive integer");
    }
    return value;
  }

  private static int nonNegative(Map<String, String> values, String name, int fallback) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw new UsageException("--" + name + " must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be an integer: " + text);
    }
  }
}
