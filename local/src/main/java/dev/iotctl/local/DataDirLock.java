package dev.iotctl.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One stand-in per data directory: an OS file lock on {@code DIR/stand-in.lock}, which also holds
 * the owner's pid for the message a second one prints. The OS drops the lock when its process dies,
 * so a lock left by a killed stand-in is simply taken over. The file is never deleted: deleting it
 * would let two processes lock two different files of the same name.
 *
 * <p>POSIX drops a process's lock when any of its descriptors of the file is closed, so within one
 * JVM a second stand-in is refused by {@link #HELD} before it opens the file, and nothing in the
 * owning process may open the lock file.
 */
final class DataDirLock implements AutoCloseable {
  /** Data directories (real paths) locked by this JVM. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws StandInAlreadyRunningException when another stand-in (in this JVM or another) holds it
   */
  static DataDirLock acquire(Path dataDir) throws IOException {
    Path key = dataDir.toRealPath();
    long self = ProcessHandle.current().pid();
    if (!HELD.add(key)) {
      throw new StandInAlreadyRunningException(self, dataDir);
    }
    try {
      FileChannel channel =
          FileChannel.open(
              new StandInFiles(dataDir).lock(),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
        if (lock == null) {
          throw new StandInAlreadyRunningException(readPid(channel), dataDir);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return new DataDirLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      throw e;
    }
  }

  private static long readPid(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      return Long.parseLong(
          new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
      HELD.remove(key);
    }
  }
}
