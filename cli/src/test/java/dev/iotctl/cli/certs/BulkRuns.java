package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cli.Iotctl;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Pem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What the bulk tests that interrupt runs share: bundles counted, children started, the audit. */
final class BulkRuns {
  private BulkRuns() {}

  /** Bundles with a {@code device.json}: complete ones. */
  static int completeBundles(Path out) throws Exception {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(out)) {
      return (int) dirs.filter(d -> Files.exists(d.resolve(DeviceBundle.DEVICE_JSON))).count();
    }
  }

  /** iotctl in a child JVM, its output in {@code log}: a process the test can kill. */
  static Process startCli(List<String> args, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Iotctl.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(new File("."))
        .start();
  }

  /**
   * Each of {@code devices} has exactly one certificate, the one in its bundle, whose key matches;
   * every certificate of the stand-in but its operator's belongs to one of them.
   */
  static void assertOneCertificatePerDeviceAndNoOrphan(
      LocalStandIn standIn, Path out, List<String> devices) throws Exception {
    Set<String> attached = new HashSet<>();
    for (String thing : devices) {
      List<String> principals =
          standIn.core.registry().thingPrincipals().listThingPrincipals(thing, 250, null).items();
      assertThat(principals).as("certificates of " + thing).hasSize(1);
      DeviceBundle bundle = DeviceBundle.read(out.resolve(thing)).orElseThrow();
      assertThat(principals.get(0)).isEqualTo(bundle.certificateArn());
      CertsCommandsTest.assertKeyMatchesCertificate(out.resolve(thing));
      attached.add(principals.get(0));
    }
    String operator =
        CertificateIds.of(
            Pem.parseCertificate(
                Files.readString(standIn.core.operatorDir().resolve("certificate.pem.crt"))));
    Set<String> all = new HashSet<>();
    String marker = null;
    do {
      var page = standIn.core.registry().certificates().list(true, 250, marker);
      page.items().forEach(c -> all.add(c.arn()));
      marker = page.nextToken().orElse(null);
    } while (marker != null);
    all.removeIf(arn -> arn.endsWith("/" + operator));
    assertThat(all).as("every certificate belongs to a device").isEqualTo(attached);
  }
}
