package dev.iotctl.core.policy;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Derives the {@code iot:Certificate.*} policy variables AWS IoT documents (X.509 certificate
 * policy variables) from a certificate: Subject and Issuer attributes, Subject and Issuer
 * alternative names, SerialNumber and AvailableKeys.
 *
 * <p>Per AWS: a multi-valued attribute resolves to its first value, {@code .N} to the value at
 * index N (so {@code .1} is the second) and {@code .List} to all values; arrays keep at most five
 * items; a value containing a wildcard ({@code * $ + ? #}) or longer than 1024 characters is not
 * substituted. The serial number is rendered in decimal.
 */
final class CertificateVariables {
  private static final int MAX_ITEMS = 5;
  private static final int MAX_LENGTH = 1024;

  private static final Map<String, ASN1ObjectIdentifier> DN_ATTRIBUTES = new LinkedHashMap<>();

  static {
    DN_ATTRIBUTES.put("DistinguishedNameQualifier", BCStyle.DN_QUALIFIER);
    DN_ATTRIBUTES.put("Country", BCStyle.C);
    DN_ATTRIBUTES.put("Organization", BCStyle.O);
    DN_ATTRIBUTES.put("OrganizationalUnit", BCStyle.OU);
    DN_ATTRIBUTES.put("State", BCStyle.ST);
    DN_ATTRIBUTES.put("CommonName", BCStyle.CN);
    DN_ATTRIBUTES.put("SerialNumber", BCStyle.SERIALNUMBER);
    DN_ATTRIBUTES.put("Title", BCStyle.T);
    DN_ATTRIBUTES.put("Surname", BCStyle.SURNAME);
    DN_ATTRIBUTES.put("GivenName", BCStyle.GIVENNAME);
    DN_ATTRIBUTES.put("Initials", BCStyle.INITIALS);
    DN_ATTRIBUTES.put("Pseudonym", BCStyle.PSEUDONYM);
    DN_ATTRIBUTES.put("GenerationQualifier", BCStyle.GENERATION);
  }

  /** GeneralName tag numbers (RFC 5280) to AWS's AlternativeName variable suffixes. */
  private static final Map<Integer, String> ALT_NAMES =
      Map.of(
          1, "RFC822Name",
          2, "DNSName",
          4, "DirectoryName",
          6, "UniformResourceIdentifier",
          7, "IPAddress");

  private CertificateVariables() {}

  /** Variable name (e.g. {@code iot:Certificate.Subject.CommonName}) to its values. */
  static Map<String, List<String>> of(X509Certificate certificate) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    addDn(attributes, "Subject", certificate.getSubjectX500Principal().getEncoded());
    addDn(attributes, "Issuer", certificate.getIssuerX500Principal().getEncoded());
    try {
      addAltNames(attributes, "Subject", certificate.getSubjectAlternativeNames());
      addAltNames(attributes, "Issuer", certificate.getIssuerAlternativeNames());
    } catch (CertificateParsingException e) {
      // An unparsable extension yields no alternative-name variables, like an absent one.
    }
    attributes.put("SerialNumber", List.of(certificate.getSerialNumber().toString()));

    Map<String, List<String>> variables = new LinkedHashMap<>();
    List<String> available = new ArrayList<>();
    attributes.forEach(
        (attribute, all) -> {
          List<String> values = all.subList(0, Math.min(MAX_ITEMS, all.size()));
          String name = "iot:Certificate." + attribute;
          available.add(name);
          put(variables, name, values.get(0));
          for (int i = 0; i < values.size(); i++) {
            put(variables, name + "." + i, values.get(i));
          }
          List<String> usable = values.stream().filter(CertificateVariables::usable).toList();
          variables.put(name + ".List", usable);
        });
    variables.put("iot:Certificate.AvailableKeys", List.copyOf(available));
    return variables;
  }

  private static void put(Map<String, List<String>> variables, String name, String value) {
    if (usable(value)) {
      variables.put(name, List.of(value));
    }
  }

  private static boolean usable(String value) {
    if (value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '*' || c == '$' || c == '+' || c == '?' || c == '#') {
        return false;
      }
    }
    return true;
  }

  private static void addDn(Map<String, List<String>> attributes, String prefix, byte[] der) {
    X500Name name = X500Name.getInstance(der);
    for (Map.Entry<String, ASN1ObjectIdentifier> attribute : DN_ATTRIBUTES.entrySet()) {
      List<String> values = new ArrayList<>();
      for (RDN rdn : name.getRDNs(attribute.getValue())) {
        for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
          if (atv.getType().equals(attribute.getValue())) {
            values.add(IETFUtils.valueToString(atv.getValue()));
          }
        }
      }
      if (!values.isEmpty()) {
        attributes.put(prefix + "." + attribute.getKey(), values);
      }
    }
  }

  private static void addAltNames(
      Map<String, List<String>> attributes, String prefix, Collection<List<?>> names) {
    if (names == null) {
      return;
    }
    for (List<?> entry : names) {
      String kind = ALT_NAMES.get((Integer) entry.get(0));
      if (kind != null && entry.get(1) instanceof String value) {
        attributes
            .computeIfAbsent(prefix + ".AlternativeName." + kind, k -> new ArrayList<>())
            .add(value);
      }
    }
  }
}
