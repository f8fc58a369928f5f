package dev.iotctl.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JDK TLS contexts built from PEM material, for device clients and tests. */
public final class TlsMaterial {
  private TlsMaterial() {}

  /**
   * A TLSv1.2 context that presents the client certificate (chain) and key, and trusts only the
   * given CA certificates.
   */
  public static SSLContext clientContext(String caPem, String certificatePem, String keyPem) {
    List<X509Certificate> chain = Pem.parseCertificates(certificatePem);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no client certificate in the PEM text");
    }
    PrivateKey key = Pem.parsePrivateKey(keyPem);
    try {
      // The password only guards an in-memory store that never leaves this method.
      char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);

      SSLContext context = SSLContext.getInstance("TLSv1.2");
      context.init(keyManagers.getKeyManagers(), trustManagers(caPem).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the client TLS context", e);
    }
  }

  /** Trust managers that trust exactly the CA certificates in the PEM text. */
  public static TrustManagerFactory trustManagers(String caPem) {
    List<X509Certificate> anchors = Pem.parseCertificates(caPem);
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException("no CA certificate in the PEM text");
    }
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        trust.setCertificateEntry("ca-" + i, anchors.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      return factory;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the trust store", e);
    }
  }
}
