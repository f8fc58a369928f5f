package dev.iotctl.cli.local.apply;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** {@code python3} with boto3, which runs iotctl's custom-resource handler (tag {@code peers}). */
final class PythonPeer {
  private static Boolean available;

  private PythonPeer() {}

  static String interpreter() {
    return CustomResourceHandler.interpreter(System.getenv());
  }

  /** Skips the calling test with a clear message unless python3 can import boto3. */
  static synchronized void assumeBoto3() {
    if (available == null) {
      available = canImportBoto3();
    }
    assumeTrue(
        available,
        interpreter()
            + " with boto3 is needed (Debian: apt install python3-boto3; or set IOTCTL_PYTHON)");
  }

  private static boolean canImportBoto3() {
    try {
      Process p =
          new ProcessBuilder(interpreter(), "-c", "import boto3").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
