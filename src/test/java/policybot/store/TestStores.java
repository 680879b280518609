package policybot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real databases for storage tests: a fresh SQLite file, or a fresh schema in a PostgreSQL
 * database this test class creates on 127.0.0.1:5432 and drops afterwards. Register it with
 * {@code @RegisterExtension static final TestStores stores = new TestStores();} and take the
 * database as an {@code @EnumSource(Db.class)} parameter.
 */
public final class TestStores implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  /** The databases every storage test runs against. */
  public enum Db {
    SQLITE,
    POSTGRESQL
  }

  /** The machine's PostgreSQL (trust auth); CI runs here too, so tests create what they use. */
  public static final String POSTGRES_HOST = "127.0.0.1:5432";

  private static final String ADMIN_URL = "jdbc:postgresql://" + POSTGRES_HOST + "/postgres?user=postgres";

  private String database;
  private final List<Store> stores = new ArrayList<>();
  private final List<Path> folders = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    database = "policybot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin("CREATE DATABASE " + database);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    stores.forEach(Store::close);
    stores.clear();
    for (Path folder : folders) {
      deleteTree(folder);
    }
    folders.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (database != null) {
      // FORCE ends connections a failed test may have left open (PostgreSQL 13+)
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** A new, empty database URL: closed and removed after the test. */
  public String freshUrl(Db db) {
    try {
      if (db == Db.SQLITE) {
        Path folder = Files.createTempDirectory("policybot-store");
        folders.add(folder);
        return Store.sqliteUrl(folder);
      }
      String schema = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(postgresUrl(null));
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      return postgresUrl(schema);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot make a test database for " + db, e);
    }
  }

  /** Opens (and migrates) a new, empty store; closed after the test. */
  public Store open(Db db) {
    return track(Store.open(freshUrl(db)));
  }

  /** Opens the store at {@code url} again, as a restarted server would; closed after the test. */
  public Store reopen(String url) {
    return track(Store.open(url));
  }

  private Store track(Store store) {
    stores.add(store);
    return store;
  }

  private String postgresUrl(String schema) {
    String url = "jdbc:postgresql://" + POSTGRES_HOST + "/" + database + "?user=postgres";
    return schema == null ? url : url + "&currentSchema=" + schema.toLowerCase(Locale.ROOT);
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
