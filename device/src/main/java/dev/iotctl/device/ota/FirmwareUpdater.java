package dev.iotctl.device.ota;

import dev.iotctl.core.ota.CodeSigning;
import dev.iotctl.core.ota.FirmwareDocument;
import dev.iotctl.device.jobs.JobExecution;
import dev.iotctl.device.jobs.JobHandler;
import dev.iotctl.device.jobs.JobOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs {@code firmware-update} jobs ({@link FirmwareDocument}): downloads the file the document
 * names (at most its declared size), checks its SHA-256 and its ECDSA signature against the
 * code-signing public key the device was started with, and only then "installs" it: the file moves
 * into the firmware directory and {@code current-version} records the version. Any failed check
 * fails the job with a {@code reason}, and nothing is installed. Other jobs are REJECTED.
 */
public final class FirmwareUpdater implements JobHandler {
  /** The file in the firmware directory that names the installed version. */
  public static final String VERSION_FILE = "current-version";

  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private final PublicKey codeSigningKey;
  private final Path firmwareDir;
  private final Supplier<String> currentVersion;
  private final Consumer<String> installed;
  private final HttpClient http;

  /**
   * @param currentVersion the version running now
   * @param installed told the new version once it is installed (e.g. to report it in the shadow)
   */
  public FirmwareUpdater(
      PublicKey codeSigningKey,
      Path firmwareDir,
      Supplier<String> currentVersion,
      Consumer<String> installed) {
    this.codeSigningKey = codeSigningKey;
    this.firmwareDir = firmwareDir;
    this.currentVersion = currentVersion;
    this.installed = installed;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public JobOutcome run(JobExecution job, Progress progress) {
    Optional<FirmwareDocument> parsed;
    try {
      parsed = FirmwareDocument.parse(job.document());
    } catch (IllegalArgumentException e) {
      return JobOutcome.failed("invalid firmware document: " + e.getMessage());
    }
    if (parsed.isEmpty()) {
      return JobOutcome.rejected(
          "unsupported job: operation " + job.document().path("operation").asText("(none)"));
    }
    FirmwareDocument firmware = parsed.get();
    if (firmware.version().equals(currentVersion.get())) {
      return JobOutcome.succeeded(
          Map.of("version", firmware.version(), "note", "already installed"));
    }
    if (firmware.size() > MAX_BYTES) {
      return JobOutcome.failed("firmware larger than " + MAX_BYTES + " bytes");
    }
    progress.report(Map.of("step", "downloading", "version", firmware.version()));
    Path download = null;
    try {
      Files.createDirectories(firmwareDir);
      download = Files.createTempFile(firmwareDir, ".download-", ".part");
      String failure = download(firmware, download);
      if (failure != null) {
        return JobOutcome.failed(failure);
      }
      progress.report(Map.of("step", "verifying", "version", firmware.version()));
      try (InputStream in = Files.newInputStream(download)) {
        if (!CodeSigning.verify(in, firmware.signature(), codeSigningKey)) {
          return JobOutcome.failed("signature-invalid: not signed by the trusted code-signing key");
        }
      }
      Files.move(
          download,
          firmwareDir.resolve(firmware.name()),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      writeVersion(firmware.version());
      installed.accept(firmware.version());
      return JobOutcome.succeeded(Map.of("version", firmware.version()));
    } catch (IOException e) {
      return JobOutcome.failed("install-failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobOutcome.failed("interrupted");
    } finally {
      deleteQuietly(download);
    }
  }

  /** Downloads into {@code target}; the reason it failed, or null. */
  private String download(FirmwareDocument firmware, Path target)
      throws IOException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(firmware.url());
    } catch (IllegalArgumentException e) {
      return "download-failed: invalid URL";
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      return "download-failed: unsupported URL scheme " + uri.getScheme();
    }
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        return "download-failed: HTTP " + response.statusCode();
      }
      MessageDigest sha256 = sha256();
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(target)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (total > firmware.size()) {
            return "size-mismatch: more than the " + firmware.size() + " bytes announced";
          }
          sha256.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      if (total != firmware.size()) {
        return "size-mismatch: " + total + " bytes, " + firmware.size() + " announced";
      }
      if (!HexFormat.of().formatHex(sha256.digest()).equals(firmware.sha256())) {
        return "sha256-mismatch";
      }
      return null;
    }
  }

  private void writeVersion(String version) throws IOException {
    Path temp = Files.createTempFile(firmwareDir, ".version-", ".tmp");
    Files.writeString(temp, version + "\n");
    Files.move(
        temp,
        firmwareDir.resolve(VERSION_FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The version recorded in {@code dir}, if one was installed there. */
  public static Optional<String> installedVersion(Path dir) {
    try {
      Path file = dir.resolve(VERSION_FILE);
      return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover partial download is harmless
      }
    }
  }
}
