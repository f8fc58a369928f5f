package dev.iotctl.local.jobs;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stand-in's stand-in for S3 objects that jobs refer to ({@code documentSource}, pre-signed URL
 * placeholders): {@code DIR/files/{bucket}/{key}}. Keys are checked segment by segment and the
 * resolved file must stay inside {@code DIR/files} (no {@code ..}, no symbolic links out).
 */
public final class FileStore {
  /** The largest object served or read as a job document source. */
  public static final long MAX_SIZE = 64L * 1024 * 1024;

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9!_.*'()+=,@ -]{1,255}");

  private final Path root;

  public FileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** {@code DIR/files}: put objects here as {@code {bucket}/{key}}. */
  public Path root() {
    return root;
  }

  /** Where {@code location} lives, when its bucket and key are acceptable names. */
  public Optional<Path> pathOf(S3Location location) {
    if (!BUCKET.matcher(location.bucket()).matches()) {
      return Optional.empty();
    }
    Path path = root.resolve(location.bucket());
    for (String segment : location.key().split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        return Optional.empty();
      }
      path = path.resolve(segment);
    }
    return path.normalize().startsWith(root) ? Optional.of(path) : Optional.empty();
  }

  /** Whether a readable regular file is stored at {@code location}, inside the root. */
  public Optional<Path> existing(S3Location location) {
    Optional<Path> path = pathOf(location);
    if (path.isEmpty() || !Files.isRegularFile(path.get(), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      Path real = path.get().toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        return Optional.empty();
      }
      return Optional.of(real);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The object's bytes.
   *
   * @throws IotException 404 NoSuchKey when absent, 400 when larger than {@code maxSize}
   */
  public byte[] read(S3Location location, long maxSize) {
    Path path =
        existing(location)
            .orElseThrow(
                () ->
                    new IotException(
                        "NoSuchKey",
                        404,
                        "The specified key does not exist: "
                            + location.bucket()
                            + "/"
                            + location.key()));
    try {
      if (Files.size(path) > maxSize) {
        throw IotException.invalidRequest(
            "The object " + location.key() + " is larger than " + maxSize + " bytes");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores {@code content} at {@code location} (atomically replacing what was there). */
  public Path write(S3Location location, byte[] content) {
    Path path =
        pathOf(location)
            .orElseThrow(() -> IotException.invalidRequest("Invalid bucket or key: " + location));
    try {
      Files.createDirectories(path.getParent());
      Path temp = Files.createTempFile(path.getParent(), ".upload", ".tmp");
      Files.write(temp, content);
      Files.move(
          temp,
          path,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
