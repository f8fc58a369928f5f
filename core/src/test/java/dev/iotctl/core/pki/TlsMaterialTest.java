package dev.iotctl.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class TlsMaterialTest {

  @Test
  void clientContextCompletesMutualTlsWithAServerOfTheSameCa() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("ca", KeyType.EC_P256);
    KeyPair serverKey = KeyPairs.generate(KeyType.EC_P256);
    X509Certificate serverCert =
        ca.issueServerCertificate(
            serverKey.getPublic(), List.of("localhost"), List.of("127.0.0.1"), Duration.ofHours(1));
    KeyPair deviceKey = KeyPairs.generate(KeyType.RSA_2048);
    X509Certificate deviceCert =
        ca.signCsr(Csrs.create(deviceKey, "device-1"), Duration.ofHours(1));
    String caPem = Pem.toPem(ca.certificate());

    SSLContext server = serverContext(serverKey, serverCert, caPem);
    SSLContext client =
        TlsMaterial.clientContext(caPem, Pem.toPem(deviceCert), Pem.toPem(deviceKey.getPrivate()));

    try (SSLServerSocket listener =
        (SSLServerSocket)
            server
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setNeedClientAuth(true);
      CompletableFuture<String> peer =
          CompletableFuture.supplyAsync(
              () -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                  accepted.setSoTimeout(10_000);
                  new DataOutputStream(accepted.getOutputStream()).writeUTF("hello");
                  X509Certificate presented =
                      (X509Certificate) accepted.getSession().getPeerCertificates()[0];
                  return CertificateIds.of(presented);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try (SSLSocket socket =
          (SSLSocket)
              client.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort())) {
        socket.setSoTimeout(10_000);
        assertThat(new DataInputStream(socket.getInputStream()).readUTF()).isEqualTo("hello");
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
      }
      assertThat(peer.get(10, TimeUnit.SECONDS)).isEqualTo(CertificateIds.of(deviceCert));
    }
  }

  private static SSLContext serverContext(KeyPair key, X509Certificate cert, String caPem)
      throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", key.getPrivate(), new char[] {'x'}, new Certificate[] {cert});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, new char[] {'x'});
    SSLContext context = SSLContext.getInstance("TLSv1.2");
    context.init(keys.getKeyManagers(), TlsMaterial.trustManagers(caPem).getTrustManagers(), null);
    return context;
  }
}
