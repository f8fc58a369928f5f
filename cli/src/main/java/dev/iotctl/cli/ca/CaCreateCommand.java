package dev.iotctl.cli.ca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.framework.Titles;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.KeyType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "create",
    description = {
      "Create a root CA locally: DIR/"
          + FactoryCa.CERTIFICATE
          + " and DIR/"
          + FactoryCa.PRIVATE_KEY
          + " (mode 0600). Nothing is sent anywhere; register it with iotctl ca register."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl ca create --out factory-ca",
      "  iotctl ca create --out factory-ca --subject \"CN=Acme factory CA,O=Acme\""
    })
final class CaCreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions outputOptions;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the CA goes.")
  Path out;

  @Option(
      names = "--subject",
      paramLabel = "DN",
      defaultValue = "CN=iotctl factory CA",
      description = "Distinguished name, RFC 4514 (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(
      names = "--key-type",
      paramLabel = "TYPE",
      defaultValue = "ec",
      description = "ec (P-256) or rsa (2048) (default: ${DEFAULT-VALUE}).")
  String keyType;

  @Override
  public Integer call() {
    KeyType type =
        switch (keyType.toLowerCase(Locale.ROOT)) {
          case "ec" -> KeyType.EC_P256;
          case "rsa" -> KeyType.RSA_2048;
          default -> throw new CliException(ExitCodes.USAGE, "--key-type must be ec or rsa");
        };
    CertificateAuthority ca;
    try {
      ca = CertificateAuthority.createNamed(subject, type);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--subject is not a distinguished name: " + subject);
    }
    FactoryCa.save(ca, out);
    ObjectNode result = Json.MAPPER.createObjectNode();
    result
        .put("subject", ca.certificate().getSubjectX500Principal().getName())
        .put("certificateId", CertificateIds.of(ca.certificate()))
        .put("certificate", out.resolve(FactoryCa.CERTIFICATE).toString())
        .put("privateKey", out.resolve(FactoryCa.PRIVATE_KEY).toString());
    outputOptions.get().printer(spec.commandLine().getOut(), Titles.of(spec)).print(result);
    return ExitCodes.OK;
  }
}
