package dev.iotctl.cli.ota;

import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.framework.Titles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "sign",
    description = {
      "Sign a firmware file with an EC (P-256) code-signing key: SHA256withECDSA over the file,"
          + " printed base64 with the file's size and SHA-256. Offline.",
      "Same as: openssl dgst -sha256 -sign KEY FILE | base64 -w0"
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl ota sign fw-1.1.0.bin --key keys/code-signing.key"})
final class OtaSignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions outputOptions;

  @Parameters(paramLabel = "FILE", description = "The firmware file.")
  Path file;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "PEM",
      description = "The code-signing private key (EC P-256, PKCS#8 or SEC1 PEM).")
  Path key;

  @Override
  public Integer call() {
    SignedFirmware signed = SignedFirmware.sign(file, key);
    outputOptions.get().printer(spec.commandLine().getOut(), Titles.of(spec)).print(signed.json());
    return ExitCodes.OK;
  }
}
