package dev.iotctl.cli.ota;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.framework.Titles;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "keygen",
    description = {
      "Make a code-signing key pair (EC P-256): DIR/code-signing.key (0600, keep it off devices)"
          + " and DIR/code-signing.pub (give it to devices: --code_signing_key)."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl ota keygen --out keys"})
final class OtaKeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions outputOptions;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the key pair into.")
  Path out;

  @Override
  public Integer call() {
    Path privateKey = out.resolve("code-signing.key");
    Path publicKey = out.resolve("code-signing.pub");
    if (Files.exists(privateKey)) {
      throw new CliException(
          ExitCodes.CONFLICT, privateKey + " exists", "remove it first, or choose another --out");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot create " + out + ": " + e.getMessage());
    }
    KeyPair pair = KeyPairs.generate(KeyType.EC_P256);
    Pem.writePrivateKey(privateKey, pair.getPrivate());
    Pem.writeAtomically(publicKey, Pem.toPem(pair.getPublic()));
    var json =
        Json.MAPPER
            .createObjectNode()
            .put("privateKey", privateKey.toString())
            .put("publicKey", publicKey.toString());
    outputOptions.get().printer(spec.commandLine().getOut(), Titles.of(spec)).print(json);
    return ExitCodes.OK;
  }
}
