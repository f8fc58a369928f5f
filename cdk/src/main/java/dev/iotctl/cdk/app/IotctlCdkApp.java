package dev.iotctl.cdk.app;

import dev.iotctl.cdk.fleet.Fleet;
import dev.iotctl.cdk.fleet.FleetFile;
import dev.iotctl.cdk.fleet.FleetFileException;
import java.nio.file.Path;
import software.amazon.awscdk.App;

/**
 * The CDK app ({@code cdk.json} runs it): synthesizes the fleet declared in {@code fleet.yaml}, or
 * in the file named by context {@code fleet} ({@code cdk synth -c fleet=path}) or by the {@code
 * IOTCTL_FLEET} environment variable.
 */
public final class IotctlCdkApp {
  /** The fleet file used when neither context nor environment names one. */
  public static final String DEFAULT_FLEET_FILE = "fleet.yaml";

  private IotctlCdkApp() {}

  public static void main(String[] args) {
    App app = new App();
    Object fromContext = app.getNode().tryGetContext("fleet");
    String fromEnv = System.getenv("IOTCTL_FLEET");
    String file =
        fromContext != null
            ? fromContext.toString()
            : fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_FLEET_FILE;
    try {
      Fleet fleet = FleetFile.load(Path.of(file));
      FleetApp.build(app, fleet);
    } catch (FleetFileException e) {
      System.err.println("iotctl: " + e.getMessage());
      System.exit(1);
    }
    app.synth();
  }
}
