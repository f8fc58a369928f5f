package dev.iotctl.core.provisioning;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The parameters just-in-time provisioning takes from a device certificate: the subject's fields
 * ({@code AWS::IoT::Certificate::CommonName}, {@code …::SerialNumber} — the subject's {@code
 * serialNumber} attribute, not the certificate's serial — {@code Country}, {@code Organization},
 * {@code OrganizationalUnit}, {@code DistinguishedNameQualifier}, {@code StateName}) and {@code
 * AWS::IoT::Certificate::Id}, the certificate id AWS IoT computes.
 */
public final class CertificateParameters {
  /** The prefix of every parameter taken from the certificate. */
  public static final String PREFIX = "AWS::IoT::Certificate::";

  public static final String ID = PREFIX + "Id";

  private static final Map<String, ASN1ObjectIdentifier> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("Country", BCStyle.C);
    FIELDS.put("Organization", BCStyle.O);
    FIELDS.put("OrganizationalUnit", BCStyle.OU);
    FIELDS.put("DistinguishedNameQualifier", BCStyle.DN_QUALIFIER);
    FIELDS.put("StateName", BCStyle.ST);
    FIELDS.put("CommonName", BCStyle.CN);
    FIELDS.put("SerialNumber", BCStyle.SERIALNUMBER);
  }

  private CertificateParameters() {}

  private static String text(ASN1Encodable value) {
    return value instanceof ASN1String s ? s.getString() : IETFUtils.valueToString(value);
  }

  /** The parameters present in this certificate (a field the subject lacks is absent). */
  public static Map<String, String> of(X509Certificate certificate, String certificateId) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(
        (name, oid) -> {
          RDN[] rdns = subject.getRDNs(oid);
          if (rdns.length > 0) {
            values.put(PREFIX + name, text(rdns[0].getFirst().getValue()));
          }
        });
    values.put(ID, certificateId);
    return values;
  }
}
