package policybot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Policy Bot's database: a SQLite file by default, PostgreSQL when the JDBC URL names one. Opening
 * it migrates the schema; work runs in transactions through {@link #read} and {@link #write}.
 */
public final class Store implements AutoCloseable {

  /** File name of the default database inside the data folder. */
  public static final String SQLITE_FILE = "policybot.db";

  /**
   * How long a SQLite write waits for another process (a CLI run, a second server) to finish its
   * write before failing; far longer than any of our transactions take.
   */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  /** Idle connections kept for reuse: enough for the request threads of one small server. */
  static final int IDLE_CONNECTIONS = 8;

  /**
   * A pooled connection idle longer than this is checked before use: PostgreSQL may have been
   * restarted under it, and checking every time would cost a round trip per query.
   */
  static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(30);

  /** Seconds the liveness check of an idle connection may take. */
  private static final int VALID_CHECK_SECONDS = 2;

  private final String url;
  private final Dialect dialect;
  private final Deque<Idle> idle = new ArrayDeque<>();
  /** SQLite allows one writer at a time; queueing here is fairer and cheaper than busy retries. */
  private final ReentrantLock sqliteWriteLock = new ReentrantLock(true);
  /** SQLite's one writer connection, opened with BEGIN IMMEDIATE so it never upgrades a read lock. */
  private Connection sqliteWriter;
  private volatile boolean closed;

  private record Idle(Connection connection, long since) {}

  /** One unit of work on a connection; the store commits it, or rolls it back if it throws. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Store(String url) {
    this.url = Objects.requireNonNull(url, "url");
    this.dialect = Dialect.of(url);
  }

  /** The default database: {@value #SQLITE_FILE} in the data folder. */
  public static String sqliteUrl(Path dataDir) {
    return Dialect.SQLITE.urlPrefix() + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
  }

  /**
   * Opens the database at {@code jdbcUrl} ({@code jdbc:sqlite:FILE} or {@code
   * jdbc:postgresql://HOST/DB?user=...}) and migrates it to the current schema.
   */
  public static Store open(String jdbcUrl) {
    Store store = new Store(jdbcUrl);
    try {
      if (store.dialect == Dialect.SQLITE) {
        store.prepareSqliteFile();
        // opened before Flyway so the file is in WAL mode from its first write
        store.sqliteWriter = store.connect(true);
      }
      Migrations.apply(jdbcUrl);
      return store;
    } catch (RuntimeException | SQLException e) {
      store.close();
      throw e instanceof StoreException se ? se : new StoreException("cannot open " + store.safeUrl(), e);
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs read-only work in one transaction, so its queries see one consistent snapshot. */
  public <T> T read(Work<T> work) {
    return pooled(work);
  }

  /**
   * Runs work in one transaction and commits it before returning: when this returns, what it wrote
   * survives a crash. Writes to SQLite are serialised.
   */
  public <T> T write(Work<T> work) {
    return dialect == Dialect.SQLITE ? serialised(work) : pooled(work);
  }

  private <T> T pooled(Work<T> work) {
    Connection c = take();
    try {
      return transaction(c, work);
    } finally {
      give(c);
    }
  }

  private <T> T serialised(Work<T> work) {
    sqliteWriteLock.lock();
    try {
      if (closed) {
        throw new StoreException("the store is closed");
      }
      if (sqliteWriter == null || sqliteWriter.isClosed()) {
        sqliteWriter = connect(true);
      }
      return transaction(sqliteWriter, work);
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + safeUrl() + ": " + e.getMessage(), e);
    } finally {
      sqliteWriteLock.unlock();
    }
  }

  /**
   * Commits {@code work}, or rolls it back; a connection that cannot roll back is closed. The
   * connection goes back to auto-commit afterwards because in manual mode sqlite-jdbc opens the next
   * transaction at once, and an idle BEGIN IMMEDIATE would lock every other process out.
   */
  private static <T> T transaction(Connection c, Work<T> work) {
    try {
      c.setAutoCommit(false);
      T result = work.run(c);
      c.commit();
      c.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      rollbackOrClose(c);
      throw new StoreException(e.getMessage(), e);
    } catch (RuntimeException e) {
      rollbackOrClose(c);
      throw e;
    }
  }

  private static void rollbackOrClose(Connection c) {
    try {
      if (!c.isClosed() && !c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      closeQuietly(c);
    }
  }

  private Connection take() {
    while (true) {
      Idle next;
      synchronized (idle) {
        if (closed) {
          throw new StoreException("the store is closed");
        }
        next = idle.pollFirst();
      }
      if (next == null) {
        try {
          return connect(false);
        } catch (SQLException e) {
          throw new StoreException("cannot connect to " + safeUrl() + ": " + e.getMessage(), e);
        }
      }
      if (System.nanoTime() - next.since() < CHECK_AFTER_IDLE.toNanos() || stillValid(next.connection())) {
        return next.connection();
      }
      closeQuietly(next.connection());
    }
  }

  private static boolean stillValid(Connection c) {
    try {
      return c.isValid(VALID_CHECK_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private void give(Connection c) {
    try {
      if (c.isClosed()) {
        return;
      }
    } catch (SQLException e) {
      return;
    }
    synchronized (idle) {
      if (!closed && idle.size() < IDLE_CONNECTIONS) {
        idle.addFirst(new Idle(c, System.nanoTime()));
        return;
      }
    }
    closeQuietly(c);
  }

  private Connection connect(boolean writer) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      SQLiteConfig config = new SQLiteConfig();
      // readers never block the writer and the writer never blocks readers
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // a case is acknowledged only once its commit is on disk, even through a power cut
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
      config.enforceForeignKeys(true);
      if (writer) {
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      }
      return DriverManager.getConnection(url, config.toProperties());
    }
    return DriverManager.getConnection(url);
  }

  private void prepareSqliteFile() {
    String path = url.substring(Dialect.SQLITE.urlPrefix().length());
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.isBlank() || path.startsWith(":memory:") || path.startsWith("file::memory:")) {
      throw new StoreException("the store needs a database file, not an in-memory database: " + url);
    }
    Path parent = Path.of(path).toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the data folder " + parent + ": " + e.getMessage(), e);
    }
  }

  /** The URL without its query, which may hold a password. */
  private String safeUrl() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing a connection we are discarding; nothing more to do with it
    }
  }

  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      idle.forEach(i -> closeQuietly(i.connection()));
      idle.clear();
    }
    try {
      if (sqliteWriteLock.tryLock(BUSY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        try {
          if (sqliteWriter != null) {
            closeQuietly(sqliteWriter);
            sqliteWriter = null;
          }
        } finally {
          sqliteWriteLock.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
