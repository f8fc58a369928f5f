package dev.iotctl.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvisioningTemplateTest {

  /** AWS's JITP example template body (developer guide, "Just-in-time provisioning"). */
  static final String JITP =
      """
      {"Parameters":{
         "AWS::IoT::Certificate::CommonName":{"Type":"String"},
         "AWS::IoT::Certificate::SerialNumber":{"Type":"String"},
         "AWS::IoT::Certificate::Country":{"Type":"String"},
         "AWS::IoT::Certificate::Id":{"Type":"String"}},
       "Resources":{
         "thing":{"Type":"AWS::IoT::Thing",
           "Properties":{"ThingName":{"Ref":"AWS::IoT::Certificate::CommonName"},
             "AttributePayload":{"version":"v1",
               "serialNumber":{"Ref":"AWS::IoT::Certificate::SerialNumber"}},
             "ThingTypeName":"lightBulb-versionA",
             "ThingGroups":["v1-lightbulbs",{"Ref":"AWS::IoT::Certificate::Country"}]},
           "OverrideSettings":{"AttributePayload":"MERGE","ThingTypeName":"REPLACE",
             "ThingGroups":"DO_NOTHING"}},
         "certificate":{"Type":"AWS::IoT::Certificate",
           "Properties":{"CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"ACTIVE"},
           "OverrideSettings":{"Status":"DO_NOTHING"}},
         "policy":{"Type":"AWS::IoT::Policy",
           "Properties":{"PolicyDocument":"{ \\"Version\\": \\"2012-10-17\\", \\"Statement\\": [] }"}}}}
      """;

  @Test
  void awsJitpExampleResolvesFromCertificateFields() {
    ProvisioningPlan plan =
        ProvisioningTemplate.parse(JITP)
            .resolve(
                Map.of(
                    "AWS::IoT::Certificate::CommonName", "bulb-1",
                    "AWS::IoT::Certificate::SerialNumber", "42",
                    "AWS::IoT::Certificate::Country", "DE",
                    "AWS::IoT::Certificate::Id", "abc"));

    var thing = plan.thing().orElseThrow();
    assertThat(thing.thingName()).isEqualTo("bulb-1");
    assertThat(thing.attributes()).contains(Map.of("version", "v1", "serialNumber", "42"));
    assertThat(thing.thingTypeName()).contains("lightBulb-versionA");
    assertThat(thing.thingGroups()).contains(List.of("v1-lightbulbs", "DE"));
    assertThat(thing.override("AttributePayload")).isEqualTo(OverrideAction.MERGE);
    var certificate = plan.certificate().orElseThrow();
    assertThat(certificate.certificateId()).contains("abc");
    assertThat(certificate.status()).isEqualTo("ACTIVE");
    assertThat(plan.policies())
        .singleElement()
        .satisfies(p -> assertThat(p.policyDocument()).isPresent());
  }

  @Test
  void intrinsicFunctionsAndMappings() {
    String body =
        """
        {"Parameters":{"SerialNumber":{"Type":"String"},"Location":{"Type":"String","Default":"Seattle"},
                       "Tags":{"Type":"String"}},
         "Mappings":{"LocationTable":{"Seattle":{"LocationUrl":"https://example.aws"}}},
         "Conditions":{"IsSeattle":{"Fn::Equals":[{"Ref":"Location"},"Seattle"]},
                       "NotSeattle":{"Fn::Not":[{"Condition":"IsSeattle"}]}},
         "Resources":{
           "thing":{"Type":"AWS::IoT::Thing","Properties":{
             "ThingName":{"Fn::Join":["",["ThingPrefix_",{"Ref":"SerialNumber"}]]},
             "AttributePayload":{"site":{"Fn::Sub":"${Location}-${SerialNumber}"},
               "first":{"Fn::Select":["1",{"Fn::Split":[",",{"Ref":"Tags"}]}]},
               "region":{"Fn::If":["IsSeattle","west","east"]},
               "gone":{"Fn::If":["NotSeattle","x",{"Ref":"AWS::NoValue"}]}}}},
           "extra":{"Type":"AWS::IoT::Policy","Condition":"NotSeattle",
             "Properties":{"PolicyName":"never"}}},
         "DeviceConfiguration":{"LocationUrl":{"Fn::FindInMap":["LocationTable",{"Ref":"Location"},"LocationUrl"]},
                                "Literal":{"Fn::Sub":["${!Raw} ${X}",{"X":"y"}]}}}
        """;
    ProvisioningPlan plan =
        ProvisioningTemplate.parse(body).resolve(Map.of("SerialNumber", "7", "Tags", "a,b,c"));

    var thing = plan.thing().orElseThrow();
    assertThat(thing.thingName()).isEqualTo("ThingPrefix_7");
    assertThat(thing.attributes().orElseThrow())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("site", "Seattle-7", "first", "b", "region", "west"));
    assertThat(plan.policies()).isEmpty();
    assertThat(plan.deviceConfiguration())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("LocationUrl", "https://example.aws", "Literal", "${Raw} y"));
  }

  @Test
  void missingRequiredValuesFail() {
    ProvisioningTemplate template = ProvisioningTemplate.parse(JITP);
    assertThatThrownBy(() -> template.resolve(Map.of("AWS::IoT::Certificate::Id", "abc")))
        .isInstanceOf(IotException.class)
        .hasMessageContaining("AWS::IoT::Certificate::CommonName has no value")
        .extracting(e -> ((IotException) e).errorCode())
        .isEqualTo("InvalidRequestException");
  }

  @Test
  void refToAnUndeclaredParameterFails() {
    String body =
        """
        {"Resources":{"thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":{"Ref":"Nope"}}}}}
        """;
    assertThatThrownBy(() -> ProvisioningTemplate.parse(body).resolve(Map.of("Nope", "x")))
        .hasMessageContaining("not a declared parameter");
  }

  @Test
  void invalidTemplatesAreRefusedAtParse() {
    for (String body :
        List.of(
            "",
            "[]",
            "{\"Resources\":{\"t\":{\"Type\":\"AWS::S3::Bucket\",\"Properties\":{}}}}",
            "{\"Resources\":{\"p\":{\"Type\":\"AWS::IoT::Policy\",\"Properties\":{}}}}",
            "{\"Resources\":{\"t\":{\"Type\":\"AWS::IoT::Thing\",\"Properties\":{},"
                + "\"OverrideSettings\":{\"ThingTypeName\":\"MERGE\"}}}}",
            "{\"Resources\":{\"t\":{\"Type\":\"AWS::IoT::Thing\",\"Properties\":{},"
                + "\"Condition\":\"Undeclared\"}}}",
            "{\"Unknown\":{}}",
            "{\"Mappings\":{\"M\":{\"k\":{\"v\":{\"Ref\":\"x\"}}}}}",
            "{\"Resources\":{\"a\":{\"Type\":\"AWS::IoT::Thing\",\"Properties\":{}},"
                + "\"b\":{\"Type\":\"AWS::IoT::Thing\",\"Properties\":{}}}}",
            "x".repeat(ProvisioningTemplate.MAX_BODY_CHARACTERS + 1))) {
      assertThatThrownBy(() -> ProvisioningTemplate.parse(body))
          .as(body.length() > 80 ? body.substring(0, 80) : body)
          .isInstanceOf(IotException.class)
          .hasMessageStartingWith("The provisioning template is not valid");
    }
  }

  @Test
  void certificateNeedsExactlyOneSource() {
    String body =
        """
        {"Parameters":{"CSR":{"Type":"String"},"Id":{"Type":"String"}},
         "Resources":{"c":{"Type":"AWS::IoT::Certificate","Properties":{
           "CertificateSigningRequest":{"Ref":"CSR"},"CertificateId":{"Ref":"Id"},"Status":"Active"}}}}
        """;
    ProvisioningTemplate template = ProvisioningTemplate.parse(body);
    assertThatThrownBy(() -> template.resolve(Map.of("CSR", "x", "Id", "y")))
        .hasMessageContaining("exactly one");
    // "Active" (AWS's fleet provisioning example spells it so) is ACTIVE.
    ProvisioningTemplate byId =
        ProvisioningTemplate.parse(
            body.replace("\"CertificateSigningRequest\":{\"Ref\":\"CSR\"},", ""));
    assertThat(byId.resolve(Map.of("Id", "y")).certificate().orElseThrow().status())
        .isEqualTo("ACTIVE");
    assertThat(byId.resolve(Map.of("Id", "y")).certificate().orElseThrow().certificateId())
        .isEqualTo(Optional.of("y"));
    // A referenced parameter without a value is an error, not a silently dropped property.
    assertThatThrownBy(() -> byId.resolve(Map.of()))
        .hasMessageContaining("parameter Id has no value");
  }

  @Test
  void conditionCyclesAreErrorsNotStackOverflows() {
    String body =
        """
        {"Conditions":{"A":{"Condition":"B"},"B":{"Condition":"A"}},
         "Resources":{"p":{"Type":"AWS::IoT::Policy","Condition":"A","Properties":{"PolicyName":"x"}}}}
        """;
    assertThatThrownBy(() -> ProvisioningTemplate.parse(body).resolve(Map.of()))
        .hasMessageContaining("refers to itself");
  }
}
