package dev.iotctl.local.provisioning;

import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.StandIn;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/** A fleet provisioning template and a claim certificate whose policy allows only provisioning. */
final class ClaimFixture {
  static final String ROLE = "arn:aws:iam::123456789012:role/FleetProvisioning";

  /** A device named after its serial number, its own connect/publish/shadow policy. */
  static final String TEMPLATE =
      """
      {"Parameters":{"SerialNumber":{"Type":"String"},"AWS::IoT::Certificate::Id":{"Type":"String"}},
       "Resources":{
         "thing":{"Type":"AWS::IoT::Thing","Properties":{
           "ThingName":{"Fn::Join":["",["device-",{"Ref":"SerialNumber"}]]},
           "AttributePayload":{"serialNumber":{"Ref":"SerialNumber"}}}},
         "certificate":{"Type":"AWS::IoT::Certificate","Properties":{
           "CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"Active"}},
         "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyName":"fleet-device"}}},
       "DeviceConfiguration":{"Fleet":"factory-1"}}
      """;

  static final String DEVICE_POLICY =
      """
      {"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"iot:Connect","Resource":"arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"},
        {"Effect":"Allow","Action":["iot:Publish","iot:Receive"],"Resource":[
          "arn:aws:iot:us-east-1:123456789012:topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*",
          "arn:aws:iot:us-east-1:123456789012:topic/telemetry/${iot:Connection.Thing.ThingName}",
          "arn:aws:iot:us-east-1:123456789012:topic/devices/${iot:Connection.Thing.ThingName}/telemetry"]},
        {"Effect":"Allow","Action":"iot:Subscribe","Resource":
          "arn:aws:iot:us-east-1:123456789012:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"}]}
      """;

  /** AWS's claim policy (developer guide), with the CSR topics added. */
  static String claimPolicy(String template) {
    String topics =
        "\"arn:aws:iot:us-east-1:123456789012:%s/$aws/certificates/create/*\","
            + "\"arn:aws:iot:us-east-1:123456789012:%s/$aws/certificates/create-from-csr/*\","
            + "\"arn:aws:iot:us-east-1:123456789012:%s/$aws/provisioning-templates/"
            + template
            + "/provision/*\"";
    return "{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Action\":[\"iot:Connect\"],\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Action\":[\"iot:Publish\",\"iot:Receive\"],\"Resource\":["
        + topics.formatted("topic", "topic", "topic")
        + "]},"
        + "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":["
        + topics.formatted("topicfilter", "topicfilter", "topicfilter")
        + "]}]}";
  }

  private ClaimFixture() {}

  /** Creates the template (enabled), the device policy, and a claim certificate with its policy. */
  static TestPki.Issued setUp(StandIn standIn, IotClient iot, String templateName) {
    iot.createPolicy(b -> b.policyName("fleet-device").policyDocument(DEVICE_POLICY));
    iot.createProvisioningTemplate(
        b ->
            b.templateName(templateName)
                .enabled(true)
                .templateBody(TEMPLATE)
                .provisioningRoleArn(ROLE));
    iot.createPolicy(b -> b.policyName("claim").policyDocument(claimPolicy(templateName)));
    TestPki.Issued claim = TestPki.device(standIn.ca(), "claim");
    var registered =
        iot.registerCertificateWithoutCA(
            b -> b.certificatePem(Pem.toPem(claim.certificate())).status(CertificateStatus.ACTIVE));
    iot.attachPolicy(b -> b.policyName("claim").target(registered.certificateArn()));
    return claim;
  }
}
