package dev.iotctl.cdk.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestFleets;
import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DeviceCertificateTest {
  private static Stack stack;
  private static Template template;
  private static IDeviceCertificate imported;

  @BeforeAll
  static void synth() {
    stack = TestStacks.stack();
    DeviceCertificate certificate =
        new DeviceCertificate(
            stack,
            "Certificate",
            DeviceCertificateProps.builder()
                .csrFile(TestFleets.REPO.resolve("examples/csr/sensor-001.csr"))
                .build());
    certificate.attachToThing(
        new Thing(stack, "Sensor", ThingProps.builder().thingName("sensor").build()));
    imported =
        DeviceCertificate.fromCertificateArn(
            stack, "Elsewhere", "arn:aws:iot:eu-west-1:123456789012:cert/abc123");
    template = Template.fromStack(stack);
  }

  @Test
  void awsIotSignsTheCsr() {
    template.hasResourceProperties(
        "AWS::IoT::Certificate",
        Map.of(
            "Status",
            "ACTIVE",
            "CertificateSigningRequest",
            Match.stringLikeRegexp("^-----BEGIN CERTIFICATE REQUEST-----\\n[^ ]+")));
  }

  @Test
  void attachToThingReferencesBoth() {
    template.hasResourceProperties(
        "AWS::IoT::ThingPrincipalAttachment",
        Map.of(
            "ThingName",
            Map.of("Ref", Match.stringLikeRegexp("Sensor.*")),
            "Principal",
            Map.of(
                "Fn::GetAtt", java.util.List.of(Match.stringLikeRegexp("Certificate.*"), "Arn"))));
  }

  @Test
  void anImportKnowsItsIdFromTheArn() {
    assertThat(stack.resolve(imported.getCertificateId())).isEqualTo("abc123");
  }
}
