package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.cli.ca.FactoryCa;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.core.pki.KeyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "issue",
    description = {
      "Issue a certificate per device: key pair and CSR made locally (the private key never"
          + " leaves this machine), CreateCertificateFromCsr, policies and thing attached, bundle"
          + " written to OUT/DEVICE/.",
      "Bulk: --from devices.csv or --prefix P --count N; --resume finishes an interrupted run"
          + " (the same arguments; Ctrl-C says where it stopped). A finished run marks its"
          + " manifest complete, so the next run into the same --out starts afresh."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl certs issue sensor-1 --policy device --create-thing --out certs",
      "  iotctl certs issue --prefix sensor- --count 500 --policy device --create-thing",
      "  iotctl certs issue --prefix sensor- --count 500 --policy device --create-thing --resume"
    })
final class CertsIssueCommand extends AwsCommand {
  @Parameters(arity = "0..1", paramLabel = "DEVICE", description = "Thing name of the device.")
  String device;

  @ArgGroup(exclusive = false)
  Bulk bulk;

  static final class Bulk {
    @Option(
        names = "--from",
        paramLabel = "CSV",
        description = "CSV of devices (header: name[,thingType][,attr...]).")
    Path from;

    @Option(names = "--prefix", paramLabel = "P", description = "Name devices P0001, P0002, ...")
    String prefix;

    @Option(names = "--count", paramLabel = "N", description = "How many devices with --prefix.")
    Integer count;

    @Option(
        names = "--concurrency",
        paramLabel = "C",
        defaultValue = "4",
        description =
            "Devices in parallel (default: ${DEFAULT-VALUE}); capped at AWS's per-second quota.")
    int concurrency;

    @Option(names = "--resume", description = "Finish an interrupted bulk run from its manifest.")
    boolean resume;
  }

  @Option(names = "--policy", paramLabel = "NAME", description = "Policy to attach (repeatable).")
  List<String> policies = new ArrayList<>();

  @Option(names = "--csr", paramLabel = "FILE", description = "Use this CSR; its key stays yours.")
  Path csr;

  @Option(
      names = "--key-type",
      paramLabel = "TYPE",
      defaultValue = "ec",
      description = "ec (P-256) or rsa (2048) (default: ${DEFAULT-VALUE}).")
  String keyType;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "certs",
      description = "Bundles go to DIR/DEVICE/ (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--create-thing", description = "Create the thing if it does not exist.")
  boolean createThing;

  @Option(names = "--thing-type", paramLabel = "T", description = "Thing type for --create-thing.")
  String thingType;

  @Option(
      names = "--attribute",
      paramLabel = "K=V",
      description = "Thing attribute for --create-thing (repeatable).")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Option(
      names = "--ca",
      paramLabel = "DIR",
      description =
          "Sign offline with your own CA (iotctl ca create): no call to AWS; devices register"
              + " on first connection.")
  Path ca;

  @Option(
      names = "--subject",
      paramLabel = "DN",
      defaultValue = "CN={device}",
      description = "With --ca: the certificate subject, {device} = the device name.")
  String subject;

  @Override
  protected Retries retries() {
    return Retries.DURABLE;
  }

  @Override
  protected int run(AwsClients clients) {
    KeyType type =
        switch (keyType.toLowerCase(java.util.Locale.ROOT)) {
          case "ec" -> KeyType.EC_P256;
          case "rsa" -> KeyType.RSA_2048;
          default -> throw new CliException(ExitCodes.USAGE, "--key-type must be ec or rsa");
        };
    if (ca != null) {
      return issueOffline(type);
    }
    CertificateIssuer issuer = new CertificateIssuer(clients.iot(), DeviceEndpoint.of(clients));
    if (bulk == null) {
      if (device == null) {
        throw new CliException(ExitCodes.USAGE, "give a DEVICE, or --from/--prefix for bulk issue");
      }
      IssueResult result =
          issuer.issue(
              new IssueRequest(
                  device,
                  policies,
                  csr,
                  type,
                  out.resolve(device),
                  createThing,
                  thingType,
                  attributes));
      printer().print(result.toJson());
      return 0;
    }
    if (device != null || csr != null) {
      throw new CliException(ExitCodes.USAGE, "bulk issue takes no DEVICE and no --csr");
    }
    List<BulkDevices> devices = BulkDevices.read(bulk.from, bulk.prefix, bulk.count);
    int concurrency = BulkConcurrency.cap(bulk.concurrency, clients.target(), createThing, err());
    // A missing policy fails the run before the first device, not every device one by one.
    issuer.checkPolicies(policies);
    List<IssueRequest> requests =
        devices.stream()
            .map(
                d ->
                    new IssueRequest(
                        d.name(),
                        policies,
                        null,
                        type,
                        out.resolve(d.name()),
                        createThing,
                        d.thingType() != null ? d.thingType() : thingType,
                        d.attributes().isEmpty() ? attributes : d.attributes()))
            .toList();
    BulkRun run =
        BulkRun.of(
            bulk.prefix, bulk.count, bulk.from, devices.stream().map(BulkDevices::name).toList());
    BulkSummary summary =
        new BulkIssuer(
                issuer,
                new OrphanSweeper(clients.iot()),
                out,
                concurrency,
                err(),
                clients.requests())
            .run(requests, run, bulk.resume);
    printer().print(summary.toJson());
    return summary.failed().isEmpty() ? 0 : ExitCodes.FAILURE;
  }

  private int issueOffline(KeyType type) {
    if (csr != null || !policies.isEmpty() || createThing) {
      throw new CliException(
          ExitCodes.USAGE, "--ca signs offline: no --csr, --policy or --create-thing");
    }
    OfflineIssuer issuer = new OfflineIssuer(FactoryCa.load(ca), type, subject, out);
    if (bulk == null) {
      if (device == null) {
        throw new CliException(ExitCodes.USAGE, "give a DEVICE, or --from/--prefix for bulk issue");
      }
      printer().print(issuer.issue(device));
      return 0;
    }
    List<String> names =
        BulkDevices.read(bulk.from, bulk.prefix, bulk.count).stream()
            .map(BulkDevices::name)
            .toList();
    printer().print(issuer.issueAll(names));
    return 0;
  }
}
