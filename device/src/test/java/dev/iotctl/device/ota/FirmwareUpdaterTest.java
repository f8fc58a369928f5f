package dev.iotctl.device.ota;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.iotctl.core.ota.CodeSigning;
import dev.iotctl.core.ota.FirmwareDocument;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.device.jobs.JobExecution;
import dev.iotctl.device.jobs.JobOutcome;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Firmware jobs against a real loopback HTTP server, with keys made by the test. */
class FirmwareUpdaterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] FIRMWARE = "firmware 1.1.0 image".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private HttpServer server;
  private final KeyPair trusted = KeyPairs.generate(KeyType.EC_P256);
  private final List<String> installed = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> progress = new CopyOnWriteArrayList<>();
  private FirmwareUpdater updater;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/fw.bin",
        exchange -> {
          exchange.sendResponseHeaders(200, FIRMWARE.length);
          exchange.getResponseBody().write(FIRMWARE);
          exchange.close();
        });
    server.createContext(
        "/denied",
        exchange -> {
          exchange.sendResponseHeaders(403, -1);
          exchange.close();
        });
    server.start();
    updater =
        new FirmwareUpdater(trusted.getPublic(), dir.resolve("fw"), () -> "1.0.0", installed::add);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private JobOutcome run(FirmwareDocument doc) throws Exception {
    return updater.run(
        new JobExecution("fw", "IN_PROGRESS", 2, 1, Map.of(), JSON.readTree(doc.toJsonText())),
        progress::add);
  }

  private FirmwareDocument signedBy(KeyPair key, String path, String version) throws Exception {
    return new FirmwareDocument(
        version,
        "fw.bin",
        url(path),
        FIRMWARE.length,
        sha256(FIRMWARE),
        CodeSigning.sign(new ByteArrayInputStream(FIRMWARE), key.getPrivate()));
  }

  @Test
  void aSignedUpdateIsDownloadedVerifiedInstalledAndReported() throws Exception {
    JobOutcome outcome = run(signedBy(trusted, "/fw.bin", "1.1.0"));
    assertThat(outcome).isEqualTo(JobOutcome.succeeded(Map.of("version", "1.1.0")));
    assertThat(Files.readAllBytes(dir.resolve("fw/fw.bin"))).isEqualTo(FIRMWARE);
    assertThat(FirmwareUpdater.installedVersion(dir.resolve("fw"))).contains("1.1.0");
    assertThat(installed).containsExactly("1.1.0");
    assertThat(progress).extracting(p -> p.get("step")).containsExactly("downloading", "verifying");
  }

  @Test
  void aSignatureByAnotherKeyFailsAndInstallsNothing() throws Exception {
    JobOutcome outcome = run(signedBy(KeyPairs.generate(KeyType.EC_P256), "/fw.bin", "1.1.0"));
    assertThat(outcome.status()).isEqualTo("FAILED");
    assertThat(outcome.statusDetails().get("reason")).startsWith("signature-invalid");
    assertThat(installed).isEmpty();
    assertThat(FirmwareUpdater.installedVersion(dir.resolve("fw"))).isEmpty();
    try (var files = Files.list(dir.resolve("fw"))) {
      assertThat(files).as("no partial download left").isEmpty();
    }
  }

  @Test
  void aWrongDigestOrSizeOrADeniedDownloadFails() throws Exception {
    FirmwareDocument good = signedBy(trusted, "/fw.bin", "1.1.0");
    FirmwareDocument digest =
        new FirmwareDocument(
            "1.1.0", "fw.bin", good.url(), good.size(), "0".repeat(64), good.signature());
    assertThat(run(digest).statusDetails().get("reason")).isEqualTo("sha256-mismatch");
    FirmwareDocument shorter =
        new FirmwareDocument("1.1.0", "fw.bin", good.url(), 4, good.sha256(), good.signature());
    assertThat(run(shorter).statusDetails().get("reason")).startsWith("size-mismatch");
    FirmwareDocument denied = signedBy(trusted, "/denied", "1.1.0");
    assertThat(run(denied).statusDetails().get("reason")).isEqualTo("download-failed: HTTP 403");
    assertThat(installed).isEmpty();
  }

  @Test
  void otherJobsAreRejectedAndTheRunningVersionIsNotReinstalled() throws Exception {
    JobOutcome other =
        updater.run(
            new JobExecution(
                "x", "IN_PROGRESS", 2, 1, Map.of(), JSON.readTree("{\"operation\":\"reboot\"}")),
            progress::add);
    assertThat(other.status()).isEqualTo("REJECTED");
    assertThat(run(signedBy(trusted, "/denied", "1.0.0")).statusDetails())
        .containsEntry("note", "already installed");
  }
}
