package dev.iotctl.cli.local.apply;

import dev.iotctl.cdk.app.FleetApp;
import dev.iotctl.cdk.fleet.FleetFile;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;

/**
 * What {@code local apply} is tested on: the CDK app's own templates for a small fleet, synthesized
 * once per test JVM (the jsii runtime behind CDK needs {@code node} on PATH), with CSRs made here
 * from keys kept beside them. {@link #FULL} has two devices and two policies; {@link #SHRUNK} is
 * the same fleet after removing {@code device-002} and the {@code gateway} policy it used.
 */
final class Fixtures {
  static final String CORE = "fleet-core";
  static final String SHARD = "fleet-shard-000";
  static final String FULL = "full";
  static final String SHRUNK = "shrunk";

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static Path root;

  private Fixtures() {}

  /** The cdk.out folder of a variant (templates and manifest.json). */
  static synchronized Path cdkOut(String variant) {
    if (root == null) {
      root = synthesize();
    }
    return root.resolve(variant).resolve("cdk.out");
  }

  static Path path(String variant, String stack) {
    return cdkOut(variant).resolve(stack + ".template.json");
  }

  static Template template(String variant, String stack) {
    return TemplateReader.read(path(variant, stack));
  }

  /** The private key a device's CSR was made from (PEM). */
  static Path key(String device) {
    cdkOut(FULL);
    return root.resolve(device + ".private.key");
  }

  /** The logical id of the resource of {@code type} whose {@code property} is {@code value}. */
  static String logicalId(Template template, String type, String property, String value) {
    return template.resources().values().stream()
        .filter(r -> r.type().equals(type) && r.properties().path(property).asText().equals(value))
        .map(TemplateResource::logicalId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " with " + property + " " + value));
  }

  /** Logical ids of the template's resources of {@code type}. */
  static List<String> logicalIds(Template template, String type) {
    return template.resources().values().stream()
        .filter(r -> r.type().equals(type))
        .map(TemplateResource::logicalId)
        .toList();
  }

  /** Copies a variant's cdk.out into {@code target}, replacing what is there. */
  static void copy(String variant, Path target) {
    try {
      Files.createDirectories(target);
      try (Stream<Path> old = Files.list(target)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      try (Stream<Path> files = Files.list(cdkOut(variant))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(f, target.resolve(f.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path synthesize() {
    try {
      Path dir = Files.createTempDirectory("apply-fixtures");
      dir.toFile().deleteOnExit();
      Files.createDirectories(dir.resolve("policies"));
      Files.createDirectories(dir.resolve("csr"));
      for (String policy : List.of("sensor.json", "gateway.json")) {
        Files.copy(
            REPO.resolve("policies").resolve(policy), dir.resolve("policies").resolve(policy));
      }
      for (String device : List.of("device-001", "device-002")) {
        KeyPair key = KeyPairs.generate(KeyType.EC_P256);
        Pem.writePrivateKey(dir.resolve(device + ".private.key"), key.getPrivate());
        Files.writeString(
            dir.resolve("csr").resolve(device + ".csr"), Csrs.toPem(Csrs.create(key, device)));
      }
      Files.writeString(dir.resolve(FULL + ".yaml"), fleet(true));
      Files.writeString(dir.resolve(SHRUNK + ".yaml"), fleet(false));
      for (String variant : List.of(FULL, SHRUNK)) {
        App app =
            App.Builder.create()
                .outdir(dir.resolve(variant).resolve("cdk.out").toString())
                .analyticsReporting(true)
                .context(Map.of("@aws-cdk/core:defaultCrossStackReferences", "strong"))
                .build();
        FleetApp.build(app, FleetFile.load(dir.resolve(variant + ".yaml")));
        app.synth();
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fleet(boolean full) {
    return """
        name: fleet
        shards: 1
        thingTypes:
          - {name: sensor, description: A sensor, searchableAttributes: [model]}
        thingGroups:
          - {name: plant, description: All devices, attributes: {site: berlin}}
          - {name: line-1, parent: plant}
        policies:
          - {name: sensor}
        """
        + (full ? "  - {name: gateway}\n" : "")
        + """
        things:
          - name: device-001
            type: sensor
            groups: [line-1]
            attributes: {model: t1000, site: berlin, batch: b7, rev: '2', owner: ops}
            policy: sensor
            certificate: {csr: csr/device-001.csr}
        """
        + (full
            ? """
              - name: device-002
                groups: [line-1]
                policy: gateway
                certificate: {csr: csr/device-002.csr}
            """
            : "")
        + """
        rules:
          - name: alerts
            sql: SELECT topic(2) AS device, temperature FROM 'fleet/+/telemetry' WHERE temperature > 60
            actions: [{republish: {topic: 'alerts/${topic(2)}', qos: 1}}]
        """;
  }
}
