package dev.iotctl.core.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A self-signed root certificate authority that issues device (client) and server certificates: the
 * local stand-in's substitute for Amazon's CA.
 */
public final class CertificateAuthority {
  /** Tolerates clocks a little behind ours when a certificate is used at once. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey privateKey;

  private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /** A new root CA with a fresh key: self-signed, {@code CA:true}, keyCertSign and cRLSign. */
  public static CertificateAuthority create(String commonName, KeyType type) {
    return create(commonName(commonName), type);
  }

  /**
   * A new root CA as {@link #create(String, KeyType)}, with a full distinguished name such as
   * {@code CN=Factory CA,O=Acme,C=DE} (RFC 4514).
   *
   * @throws IllegalArgumentException for a name that is not a distinguished name
   */
  public static CertificateAuthority createNamed(String distinguishedName, KeyType type) {
    return create(distinguishedName(distinguishedName), type);
  }

  private static CertificateAuthority create(X500Name name, KeyType type) {
    KeyPair keyPair = KeyPairs.generate(type);
    SubjectPublicKeyInfo publicKey =
        SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = builder(name, name, publicKey, CA_VALIDITY);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      return new CertificateAuthority(sign(builder, keyPair.getPrivate()), keyPair.getPrivate());
    } catch (CertIOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot create the CA certificate", e);
    }
  }

  /** The CA saved by {@link #save}: its certificate and its private key, both PEM. */
  public static CertificateAuthority load(Path certificatePem, Path privateKeyPem) {
    try {
      X509Certificate certificate = Pem.parseCertificate(Files.readString(certificatePem));
      PrivateKey key = Pem.parsePrivateKey(Files.readString(privateKeyPem));
      return new CertificateAuthority(certificate, key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CA from " + certificatePem, e);
    }
  }

  /** Writes the certificate (0644) and the private key (0600 from creation), each atomically. */
  public void save(Path certificatePem, Path privateKeyPem) {
    Pem.writePrivateKey(privateKeyPem, privateKey);
    Pem.writeAtomically(certificatePem, Pem.toPem(certificate));
  }

  /** The CA's own self-signed certificate (the trust anchor to hand to clients). */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * A device certificate for the CSR's key, with the CSR's subject (as AWS keeps it) and the
   * clientAuth extended key usage.
   *
   * @throws dev.iotctl.core.error.IotException {@code InvalidRequestException} (400) when the CSR's
   *     signature does not verify
   */
  public X509Certificate signCsr(PKCS10CertificationRequest csr, Duration validity) {
    Csrs.verifySignature(csr);
    return issueClient(csr.getSubject(), csr.getSubjectPublicKeyInfo(), validity);
  }

  /** A device certificate for {@code CN=commonName} and the given public key (clientAuth). */
  public X509Certificate issueDeviceCertificate(
      PublicKey publicKey, String commonName, Duration validity) {
    return issueClient(
        commonName(commonName), SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()), validity);
  }

  /**
   * A device certificate (clientAuth) for the given public key and distinguished name, e.g. {@code
   * CN=bulb-1,O=Acme,C=DE,SERIALNUMBER=42}: the subject fields a just-in-time provisioning template
   * reads.
   *
   * @throws IllegalArgumentException for a name that is not a distinguished name
   */
  public X509Certificate issueDeviceCertificateNamed(
      PublicKey publicKey, String distinguishedName, Duration validity) {
    return issueClient(
        distinguishedName(distinguishedName),
        SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()),
        validity);
  }

  /**
   * A TLS server certificate (serverAuth) whose subject alternative names list the DNS names and IP
   * addresses (e.g. {@code localhost} and {@code 127.0.0.1}) a client connects to.
   */
  public X509Certificate issueServerCertificate(
      PublicKey publicKey, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, literalIp(ip))));
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a server certificate needs at least one name");
    }
    String commonName = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
    SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
    try {
      X509v3CertificateBuilder builder = leafBuilder(commonName(commonName), key, validity);
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      return sign(builder, privateKey);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot issue the server certificate", e);
    }
  }

  private X509Certificate issueClient(
      X500Name subject, SubjectPublicKeyInfo publicKey, Duration validity) {
    try {
      X509v3CertificateBuilder builder = leafBuilder(subject, publicKey, validity);
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      return sign(builder, privateKey);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot issue the device certificate", e);
    }
  }

  private X509v3CertificateBuilder leafBuilder(
      X500Name subject, SubjectPublicKeyInfo publicKey, Duration validity) throws CertIOException {
    Objects.requireNonNull(validity, "validity");
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(
              X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
              subject,
              publicKey,
              validity);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
      return builder;
    } catch (java.security.NoSuchAlgorithmException | CertificateException e) {
      throw new IllegalStateException("cannot build the certificate", e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, SubjectPublicKeyInfo publicKey, Duration validity) {
    Instant now = Instant.now();
    return new X509v3CertificateBuilder(
        issuer,
        new BigInteger(159, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(BACKDATE)),
        Date.from(now.plus(validity)),
        subject,
        publicKey);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(KeyType.of(signingKey).signatureAlgorithm())
                      .build(signingKey)));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("cannot sign the certificate", e);
    }
  }

  private static X500Name commonName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static X500Name distinguishedName(String dn) {
    try {
      // RFC 4514 order (the JDK's parser; Bouncy Castle's keeps the string's order).
      X500Name name =
          X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
      if (name.getRDNs().length == 0) {
        throw new IllegalArgumentException("empty distinguished name");
      }
      return name;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a distinguished name: " + dn, e);
    }
  }

  private static String literalIp(String ip) {
    try {
      // Only literals: InetAddress.getByName does no lookup for them.
      if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        throw new IllegalArgumentException("not an IP address literal: " + ip);
      }
      return InetAddress.getByName(ip).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + ip, e);
    }
  }
}
