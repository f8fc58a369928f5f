package dev.iotctl.device.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS 1.2 context for mutual TLS with AWS IoT Core: the device presents its own
 * certificate and key, and trusts only the given root CA file (Amazon Root CA 1 on AWS, the local
 * CA against the stand-in) instead of the JVM's default trust store.
 */
public final class DeviceTls {
  private static final char[] IN_MEMORY_PASSWORD = new char[0];

  private DeviceTls() {}

  /** Context from PEM files: root CA(s), device certificate (chain), device private key. */
  public static SSLContext fromPemFiles(Path rootCa, Path certificate, Path privateKey)
      throws IOException, GeneralSecurityException {
    return create(
        PemFiles.readCertificates(rootCa),
        PemFiles.readCertificates(certificate),
        PemFiles.readPrivateKey(privateKey));
  }

  /** Context from already parsed material. */
  public static SSLContext create(
      List<X509Certificate> trustedRoots, List<X509Certificate> chain, PrivateKey key)
      throws GeneralSecurityException, IOException {
    KeyStore trustStore = emptyKeyStore();
    for (int i = 0; i < trustedRoots.size(); i++) {
      trustStore.setCertificateEntry("root-" + i, trustedRoots.get(i));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);

    KeyStore keyStore = emptyKeyStore();
    keyStore.setKeyEntry("device", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, IN_MEMORY_PASSWORD);

    // TLS 1.2 is accepted by every AWS IoT Core security policy; pinning it keeps local runs alike.
    SSLContext context = SSLContext.getInstance("TLSv1.2");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
