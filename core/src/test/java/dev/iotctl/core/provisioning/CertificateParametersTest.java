package dev.iotctl.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateParametersTest {

  @Test
  void subjectFieldsBecomeJitpParameters() {
    CertificateAuthority ca =
        CertificateAuthority.createNamed("CN=Factory CA,O=Acme", KeyType.EC_P256);
    X509Certificate device =
        ca.issueDeviceCertificateNamed(
            KeyPairs.generate(KeyType.EC_P256).getPublic(),
            "CN=bulb-1,O=Acme\\, Inc.,OU=Lights,C=DE,ST=Berlin,SERIALNUMBER=SN-42,DNQ=q1",
            Duration.ofDays(1));

    Map<String, String> parameters = CertificateParameters.of(device, CertificateIds.of(device));

    assertThat(parameters)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "AWS::IoT::Certificate::CommonName", "bulb-1",
                "AWS::IoT::Certificate::Organization", "Acme, Inc.",
                "AWS::IoT::Certificate::OrganizationalUnit", "Lights",
                "AWS::IoT::Certificate::Country", "DE",
                "AWS::IoT::Certificate::StateName", "Berlin",
                "AWS::IoT::Certificate::SerialNumber", "SN-42",
                "AWS::IoT::Certificate::DistinguishedNameQualifier", "q1",
                "AWS::IoT::Certificate::Id", CertificateIds.of(device)));
    assertThat(ca.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=Factory CA,O=Acme");
  }

  @Test
  void absentFieldsAreAbsent() {
    CertificateAuthority ca = CertificateAuthority.create("root", KeyType.EC_P256);
    X509Certificate device =
        ca.issueDeviceCertificate(
            KeyPairs.generate(KeyType.EC_P256).getPublic(), "only-cn", Duration.ofDays(1));
    assertThat(CertificateParameters.of(device, "id"))
        .containsOnlyKeys("AWS::IoT::Certificate::CommonName", "AWS::IoT::Certificate::Id");
  }
}
