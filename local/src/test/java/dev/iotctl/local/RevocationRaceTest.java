package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.local.gateway.RawMqtt;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateStatus;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 2: connections accepted while a certificate's status changes to {@code INACTIVE}
 * or {@code REVOKED} must not survive the change. Ten certificates are each hammered by concurrent
 * connection attempts (a distinct client id each, so accepted ones stay open side by side) while
 * their status changes; afterwards no connection of any of them may still answer a PINGREQ.
 */
class RevocationRaceTest {
  private static final int CERTIFICATES = 10;
  private static final int ATTEMPTS_PER_CERTIFICATE = 100;
  private static final int THREADS = 4;
  private static final String POLICY = "race-any-client";

  @TempDir Path dir;

  @Test
  void noConnectionSurvivesAConcurrentStatusChange() throws Exception {
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      core.registry()
          .policies()
          .create(
              POLICY,
              """
              {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Action":["iot:Connect","iot:Publish","iot:Subscribe","iot:Receive"],
                "Resource":"*"}]}""");
      CertificateAuthority ca = Devices.ca(dir);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<RawMqtt> accepted = new CopyOnWriteArrayList<>();
      AtomicInteger attempts = new AtomicInteger();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      try {
        for (int c = 0; c < CERTIFICATES; c++) {
          TestPki.Issued cert = TestPki.device(ca, "race-" + c);
          core.registry()
              .certificates()
              .register(
                  cert.certificatePem(),
                  CertificateStatus.ACTIVE,
                  CertificateMode.DEFAULT,
                  Optional.empty());
          core.registry()
              .policies()
              .attach(
                  POLICY,
                  Devices.certificateArn("us-east-1", core.config().accountId(), cert.id()));
          SSLContext tls = TestPki.clientContext(cert, Devices.rootCa(dir));
          AtomicInteger left = new AtomicInteger(ATTEMPTS_PER_CERTIFICATE);
          AtomicInteger acceptedForThis = new AtomicInteger();
          CountDownLatch underWay = new CountDownLatch(1);
          String prefix = "race-" + c + "-";
          List<Future<?>> hammers = new java.util.ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            hammers.add(
                pool.submit(
                    () -> {
                      int n;
                      while ((n = left.decrementAndGet()) >= 0 && System.nanoTime() < deadline) {
                        attempts.incrementAndGet();
                        RawMqtt attempt = attempt(core.mqttPort(), tls, prefix + n);
                        if (attempt != null) {
                          accepted.add(attempt);
                          if (acceptedForThis.incrementAndGet() == ATTEMPTS_PER_CERTIFICATE / 3) {
                            underWay.countDown();
                          }
                        }
                      }
                      underWay.countDown();
                      return null;
                    }));
          }
          // Change the status once the hammering is well under way, so attempts straddle it.
          assertThat(underWay.await(60, TimeUnit.SECONDS)).isTrue();
          core.registry()
              .certificates()
              .updateStatus(
                  cert.id(), c % 2 == 0 ? CertificateStatus.REVOKED : CertificateStatus.INACTIVE);
          for (Future<?> h : hammers) {
            h.get(60, TimeUnit.SECONDS);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(attempts.get()).isGreaterThanOrEqualTo(CERTIFICATES * 100);

      // Every accepted connection belongs to a certificate that is no longer ACTIVE: one second
      // after the last change, none may answer.
      long lastChange = System.nanoTime();
      int survivors = 0;
      for (RawMqtt connection : accepted) {
        long wait = Math.max(0, Duration.ofSeconds(1).toNanos() - (System.nanoTime() - lastChange));
        if (stillAnswers(connection, Duration.ofNanos(wait).plusMillis(500))) {
          survivors++;
        }
        connection.close();
      }
      System.out.printf(
          "revocation race: %d attempts, %d accepted, %d revocations, %d survivors%n",
          attempts.get(), accepted.size(), CERTIFICATES, survivors);
      assertThat(survivors).isZero();
    }
  }

  /** A connection with a CONNACK 0, or null when refused (TLS alert, CONNACK error, close). */
  private static RawMqtt attempt(int port, SSLContext tls, String clientId) {
    RawMqtt connection;
    try {
      connection = RawMqtt.open(port, tls);
    } catch (IOException refused) {
      return null;
    }
    try {
      if (connection.connect(clientId) == 0) {
        return connection;
      }
    } catch (IOException refused) {
      // closed during CONNECT
    }
    connection.close();
    return null;
  }

  /** Sends PINGREQ after {@code settle}; true when a PINGRESP comes back. */
  private static boolean stillAnswers(RawMqtt connection, Duration settle) {
    try {
      if (connection.closedWithin(settle)) {
        return false;
      }
      connection.send(RawMqtt.Packets.pingreq());
      byte[] answer = connection.read(Duration.ofSeconds(2));
      return answer != null && (answer[0] & 0xF0) == 0xD0;
    } catch (SocketTimeoutException silent) {
      return false;
    } catch (IOException closed) {
      return false;
    }
  }
}
