package dev.iotctl.local.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The stand-in's embedded SQLite database: one file, WAL journal, {@code synchronous=FULL} (a
 * committed transaction survives a crash or power loss), foreign keys on.
 *
 * <p>All access goes through one connection, serialised by a lock: every call of {@link #write} or
 * {@link #read} is one transaction, applied fully or not at all. A single writer is what SQLite
 * allows anyway, and the registry's load (API calls, connection checks) is small.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Runnable> commitHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The transaction this thread is running, so that a nested call joins it. */
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();

  private int savepoints;

  private Database(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens (creating when absent) the database file and brings its schema up to date by running the
   * statements of {@code schema} that are not yet applied.
   */
  public static Database open(Path file, Schema schema) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(10_000);
      Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      connection.setAutoCommit(true);
      Database database = new Database(connection);
      database.migrate(schema);
      return database;
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot open the database " + file, e);
    }
  }

  /**
   * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}); commits when it returns,
   * rolls back when it throws. Actions registered with {@link Transaction#afterCommit} run after a
   * successful commit, outside the lock. Called while this thread already runs a write transaction,
   * it joins that transaction as a savepoint.
   */
  public <T> T write(TransactionWork<T> work) {
    Transaction outer = current.get();
    if (outer != null) {
      return nested(outer, work);
    }
    List<Runnable> afterCommit = new ArrayList<>();
    T result;
    lock.lock();
    try {
      result = inTransaction("BEGIN IMMEDIATE", work, afterCommit);
    } finally {
      // Also after a rollback: a cache may hold what a nested read saw before it.
      commitHooks.forEach(Runnable::run);
      lock.unlock();
    }
    for (Runnable action : afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("an after-commit action failed", e);
      }
    }
    return result;
  }

  /**
   * Runs {@code work} in one read transaction: it sees a single consistent snapshot (inside this
   * thread's open transaction, that transaction's view).
   */
  public <T> T read(TransactionWork<T> work) {
    Transaction outer = current.get();
    if (outer != null) {
      return run(outer, work);
    }
    lock.lock();
    try {
      return inTransaction("BEGIN DEFERRED", work, null);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Registers a hook run after every committed write, still under the lock (before any other
   * transaction starts): for invalidating caches with no window where a stale value is served.
   */
  public void onEveryCommit(Runnable hook) {
    commitHooks.add(hook);
  }

  /**
   * Runs {@code action} while holding the database lock, so that nothing commits meanwhile: for
   * caches that must not store a value read before a concurrent commit.
   */
  public <T> T underLock(java.util.function.Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private <T> T inTransaction(String begin, TransactionWork<T> work, List<Runnable> afterCommit) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(begin);
    } catch (SQLException e) {
      throw new StoreException("cannot begin a transaction", e);
    }
    boolean committed = false;
    Transaction tx = new Transaction(connection, afterCommit);
    current.set(tx);
    try {
      T result = work.run(tx);
      try (Statement statement = connection.createStatement()) {
        statement.execute("COMMIT");
      }
      committed = true;
      return result;
    } catch (SQLException e) {
      throw new StoreException("database error", e);
    } finally {
      current.remove();
      if (!committed) {
        rollback();
      }
    }
  }

  /**
   * A write inside this thread's open write transaction: a savepoint, so that a nested call that
   * fails leaves nothing behind (its after-commit actions included) while the outer work goes on.
   */
  private <T> T nested(Transaction outer, TransactionWork<T> work) {
    if (!outer.writable()) {
      throw new IllegalStateException("a write cannot run inside a read transaction");
    }
    String savepoint = "s" + (++savepoints);
    int actions = outer.afterCommitCount();
    execute("SAVEPOINT " + savepoint);
    boolean released = false;
    try {
      T result = run(outer, work);
      execute("RELEASE " + savepoint);
      released = true;
      return result;
    } finally {
      if (!released) {
        execute("ROLLBACK TO " + savepoint);
        execute("RELEASE " + savepoint);
        outer.truncateAfterCommit(actions);
      }
    }
  }

  private static <T> T run(Transaction tx, TransactionWork<T> work) {
    try {
      return work.run(tx);
    } catch (SQLException e) {
      throw new StoreException("database error", e);
    }
  }

  private void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StoreException("database error", e);
    }
  }

  private void rollback() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      LOG.warn("rollback failed", e);
    }
  }

  private void migrate(Schema schema) {
    write(
        tx -> {
          tx.update("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
          int current =
              tx.queryOne("SELECT MAX(version) FROM schema_version", rs -> rs.getInt(1)).orElse(0);
          List<String> steps = schema.steps();
          for (int i = current; i < steps.size(); i++) {
            try (Statement statement = tx.connection().createStatement()) {
              for (String sql : steps.get(i).split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                  statement.execute(sql);
                }
              }
            }
            tx.update("INSERT INTO schema_version (version) VALUES (?)", i + 1);
          }
          return null;
        });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the database", e);
    } finally {
      lock.unlock();
    }
  }

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Transaction tx) throws SQLException;
  }

  /** The ordered schema steps of a database: step {@code i} brings it to version {@code i + 1}. */
  @FunctionalInterface
  public interface Schema {
    List<String> steps();
  }
}
