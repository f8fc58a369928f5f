package dev.iotctl.core.policy;

import static dev.iotctl.core.policy.Eval.allowed;
import static dev.iotctl.core.policy.Eval.client;
import static dev.iotctl.core.policy.Eval.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certificate policy variables derived from a real certificate generated for the test. */
class CertificateVariablesTest {
  private static X509Certificate certificate;

  @BeforeAll
  static void generateCertificate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("C=US,O=IoT Devices,CN=IoT Devices Primary CA"),
            new BigInteger("10525857195938164358"),
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            new X500Name(
                "C=US,O=Example Corp,O=AnyCompany,OU=LightBulb,ST=NY,CN=lamp-1,"
                    + "SERIALNUMBER=123,T=RGB,SURNAME=Multi Color,GIVENNAME=Bulb,INITIALS=ZZ,"
                    + "PSEUDONYM=RGB Device,GENERATION=4,DN=Bulb001"),
            keys.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "example.com"),
              new GeneralName(GeneralName.iPAddress, "1.2.3.4"),
              new GeneralName(GeneralName.rfc822Name, "ops@example.com"),
              new GeneralName(GeneralName.uniformResourceIdentifier, "urn:lamp:1")
            }));
    certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  private static PolicyContext context() {
    return PolicyContext.builder().clientId("lamp-1").certificate(certificate).build();
  }

  @Test
  void derivesSubjectIssuerAlternativeNameAndSerialVariables() {
    PolicyContext c = context();

    assertThat(c.value("iot:Certificate.Subject.CommonName")).hasValue("lamp-1");
    assertThat(c.value("iot:Certificate.Subject.Country")).hasValue("US");
    assertThat(c.value("iot:Certificate.Subject.OrganizationalUnit")).hasValue("LightBulb");
    assertThat(c.value("iot:Certificate.Subject.State")).hasValue("NY");
    assertThat(c.value("iot:Certificate.Subject.SerialNumber")).hasValue("123");
    assertThat(c.value("iot:Certificate.Subject.Title")).hasValue("RGB");
    assertThat(c.value("iot:Certificate.Subject.Surname")).hasValue("Multi Color");
    assertThat(c.value("iot:Certificate.Subject.GivenName")).hasValue("Bulb");
    assertThat(c.value("iot:Certificate.Subject.Initials")).hasValue("ZZ");
    assertThat(c.value("iot:Certificate.Subject.Pseudonym")).hasValue("RGB Device");
    assertThat(c.value("iot:Certificate.Subject.GenerationQualifier")).hasValue("4");
    assertThat(c.value("iot:Certificate.Subject.DistinguishedNameQualifier")).hasValue("Bulb001");
    assertThat(c.value("iot:Certificate.Issuer.CommonName")).hasValue("IoT Devices Primary CA");
    assertThat(c.value("iot:Certificate.Issuer.Organization")).hasValue("IoT Devices");
    assertThat(c.value("iot:Certificate.Subject.AlternativeName.DNSName")).hasValue("example.com");
    assertThat(c.value("iot:Certificate.Subject.AlternativeName.IPAddress")).hasValue("1.2.3.4");
    assertThat(c.value("iot:Certificate.Subject.AlternativeName.RFC822Name"))
        .hasValue("ops@example.com");
    assertThat(c.value("iot:Certificate.Subject.AlternativeName.UniformResourceIdentifier"))
        .hasValue("urn:lamp:1");
    assertThat(c.value("iot:Certificate.SerialNumber")).hasValue("10525857195938164358");
    assertThat(c.values("iot:Certificate.AvailableKeys"))
        .contains("iot:Certificate.Subject.CommonName", "iot:Certificate.SerialNumber")
        .doesNotContain("iot:Certificate.Issuer.Title");
    assertThat(c.values("iot:Certificate.Issuer.Title")).isNull();
  }

  @Test
  void multiValuedAttributesResolveFirstIndexedAndList() {
    PolicyContext c = context();

    assertThat(c.value("iot:Certificate.Subject.Organization")).hasValue("Example Corp");
    assertThat(c.value("iot:Certificate.Subject.Organization.1")).hasValue("AnyCompany");
    assertThat(c.values("iot:Certificate.Subject.Organization.2")).isNull();
    assertThat(c.values("iot:Certificate.Subject.Organization.List"))
        .containsExactly("Example Corp", "AnyCompany");
  }

  @Test
  void awsExampleOrganizationListCondition() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":["iot:Connect"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:client/client1"]},
         {"Effect":"Allow","Action":["iot:Publish"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:topic/my/topic/${iot:ClientId}"],
          "Condition":{"ForAllValues:StringEquals":{
            "iot:Certificate.Subject.Organization.List":["Example Corp","AnyCompany"]}}}]}""";
    String onlyExampleCorp = policy.replace(",\"AnyCompany\"", "");

    assertThat(allowed(policy, "iot:Publish", topic("my/topic/lamp-1"), context())).isTrue();
    assertThat(allowed(onlyExampleCorp, "iot:Publish", topic("my/topic/lamp-1"), context()))
        .isFalse();
  }

  @Test
  void commonNameInResource() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iot:Connect",
         "Resource":"arn:aws:iot:us-east-1:123456789012:client/${iot:Certificate.Subject.CommonName}"}}""";

    assertThat(allowed(policy, "iot:Connect", client("lamp-1"), context())).isTrue();
    assertThat(allowed(policy, "iot:Connect", client("lamp-2"), context())).isFalse();
    assertThat(allowed(policy, "iot:Connect", client("lamp-1"), Eval.unregistered("lamp-1")))
        .isFalse();
  }

  @Test
  void attributeWithWildcardCharacterIsNotSubstituted() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X509Certificate wildcard =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        new X500Name("CN=ca"),
                        BigInteger.TWO,
                        Date.from(now),
                        Date.from(now.plus(1, ChronoUnit.DAYS)),
                        new X500Name("CN=lamp*"),
                        keys.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    String policy =
        """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iot:Connect",
         "Resource":"arn:aws:iot:us-east-1:123456789012:client/${iot:Certificate.Subject.CommonName}"}}""";
    PolicyContext c = PolicyContext.builder().clientId("lamp-9").certificate(wildcard).build();

    assertThat(c.values("iot:Certificate.Subject.CommonName")).isNull();
    assertThat(allowed(policy, "iot:Connect", client("lamp-9"), c)).isFalse();
  }
}
