package dev.iotctl.cli.ca;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.RegisterCaCertificateRequest;
import software.amazon.awssdk.services.iot.model.RegisterCaCertificateResponse;
import software.amazon.awssdk.services.iot.model.RegistrationConfig;

@Command(
    name = "register",
    description = {
      "Register the CA in DIR with AWS IoT: GetRegistrationCode, a verification certificate"
          + " (common name = the code) signed here with the CA's key, RegisterCACertificate.",
      "With --allow-auto-registration devices it signs register on first connection (JITR);"
          + " with --template-body or --template-name they are provisioned (JITP)."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl ca register --ca factory-ca --set-as-active --allow-auto-registration",
      "  iotctl ca register --ca factory-ca --set-as-active --template-name jitp-sensors"
    })
final class CaRegisterCommand extends AwsCommand {
  @Option(
      names = "--ca",
      paramLabel = "DIR",
      required = true,
      description = "From iotctl ca create.")
  Path caDir;

  @Option(
      names = "--set-as-active",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Register it ACTIVE (default: ${DEFAULT-VALUE}).")
  boolean setAsActive;

  @Option(
      names = "--allow-auto-registration",
      description = "Register devices it signed when they first connect.")
  boolean allowAutoRegistration;

  @Option(
      names = "--template-body",
      paramLabel = "FILE",
      description = "JITP provisioning template (JSON file); needs --role-arn.")
  Path templateBody;

  @Option(names = "--role-arn", paramLabel = "ARN", description = "Role JITP uses.")
  String roleArn;

  @Option(
      names = "--template-name",
      paramLabel = "NAME",
      description = "An existing JITP provisioning template instead of --template-body.")
  String templateName;

  @Option(
      names = "--sni-only",
      description = "Register in SNI_ONLY mode (no verification certificate).")
  boolean sniOnly;

  @Override
  protected int run(AwsClients clients) {
    CertificateAuthority ca = FactoryCa.load(caDir);
    RegisterCaCertificateRequest.Builder request =
        RegisterCaCertificateRequest.builder()
            .caCertificate(Pem.toPem(ca.certificate()))
            .setAsActive(setAsActive)
            .allowAutoRegistration(allowAutoRegistration);
    if (sniOnly) {
      request.certificateMode(CertificateMode.SNI_ONLY);
    } else {
      String code = clients.iot().getRegistrationCode(b -> {}).registrationCode();
      request.verificationCertificate(verificationCertificate(ca, code));
    }
    registrationConfig().ifPresent(request::registrationConfig);
    RegisterCaCertificateResponse registered = clients.iot().registerCACertificate(request.build());
    ObjectNode result = Json.MAPPER.createObjectNode();
    result
        .put("certificateId", registered.certificateId())
        .put("certificateArn", registered.certificateArn())
        .put("status", setAsActive ? "ACTIVE" : "INACTIVE")
        .put("autoRegistrationStatus", allowAutoRegistration ? "ENABLE" : "DISABLE");
    printer().print(result);
    return ExitCodes.OK;
  }

  /** Proves possession of the CA's key; its own key pair is thrown away afterwards. */
  static String verificationCertificate(CertificateAuthority ca, String registrationCode) {
    return Pem.toPem(
        ca.issueDeviceCertificate(
            KeyPairs.generate(KeyType.EC_P256).getPublic(), registrationCode, Duration.ofDays(1)));
  }

  private java.util.Optional<RegistrationConfig> registrationConfig() {
    if (templateBody != null && templateName != null) {
      throw new CliException(ExitCodes.USAGE, "give --template-body or --template-name, not both");
    }
    if (templateBody != null) {
      if (roleArn == null) {
        throw new CliException(ExitCodes.USAGE, "--template-body needs --role-arn");
      }
      String body;
      try {
        body = Files.readString(templateBody);
      } catch (IOException e) {
        throw new CliException(
            ExitCodes.USAGE, "cannot read " + templateBody + ": " + e.getMessage());
      }
      return java.util.Optional.of(
          RegistrationConfig.builder().templateBody(body).roleArn(roleArn).build());
    }
    if (templateName != null) {
      return java.util.Optional.of(RegistrationConfig.builder().templateName(templateName).build());
    }
    return java.util.Optional.empty();
  }
}
