package dev.iotctl.cdk;

import dev.iotctl.cdk.app.FleetApp;
import dev.iotctl.cdk.app.FleetStacks;
import dev.iotctl.cdk.fleet.FleetFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;

/** Writes fleet folders for tests and builds their stacks in a fresh App. */
public final class TestFleets {
  /** The repository root (surefire runs in the cdk module folder). */
  public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  private TestFleets() {}

  /** A folder with {@code fleet.yaml}, the example policies and an example CSR. */
  public static Path folder(Path dir, String fleetYaml) {
    try {
      Files.createDirectories(dir.resolve("policies"));
      Files.createDirectories(dir.resolve("csr"));
      for (String policy : new String[] {"sensor.json", "gateway.json"}) {
        Files.copy(
            REPO.resolve("policies").resolve(policy), dir.resolve("policies").resolve(policy));
      }
      Files.copy(REPO.resolve("examples/csr/sensor-001.csr"), dir.resolve("csr/device.csr"));
      Files.writeString(dir.resolve("fleet.yaml"), fleetYaml);
      return dir.resolve("fleet.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds the fleet's stacks in a new App configured like cdk.json. */
  public static FleetStacks build(Path fleetFile) {
    App app =
        App.Builder.create()
            .context(Map.of("@aws-cdk/core:defaultCrossStackReferences", "strong"))
            .build();
    return FleetApp.build(app, FleetFile.load(fleetFile));
  }
}
