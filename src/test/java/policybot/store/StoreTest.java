package policybot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.TestStores.Db;

class StoreTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_migrate_a_new_database_once_and_reopen_it_without_migrating_again(Db db) {
    String url = stores.freshUrl(db);
    stores.reopen(url).close();

    assertThat(Migrations.apply(url)).isZero();
    Store again = stores.reopen(url);
    assertThat(rows(again, "cases")).isZero();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_commit_work_that_returns_and_roll_back_work_that_throws(Db db) {
    Store store = stores.open(db);
    store.write(c -> insertDedup(c, "kept"));

    assertThatThrownBy(
            () ->
                store.write(
                    c -> {
                      insertDedup(c, "rolled-back");
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(rows(store, "dedup")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_report_sql_errors_as_store_exceptions_and_keep_working(Db db) {
    Store store = stores.open(db);

    assertThatThrownBy(() -> store.write(c -> count(c, "SELECT nonsense FROM nowhere")))
        .isInstanceOf(StoreException.class);

    store.write(c -> insertDedup(c, "after"));
    assertThat(rows(store, "dedup")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_commit_every_write_from_concurrent_threads(Db db) throws Exception {
    Store store = stores.open(db);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String key = "k" + i;
        done.add(pool.submit(() -> store.write(c -> insertDedup(c, key))));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(rows(store, "dedup")).isEqualTo(200);
  }

  @Test
  void should_keep_a_new_sqlite_database_in_wal_mode() {
    Store store = stores.open(Db.SQLITE);

    String mode =
        store.read(
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
              }
            });

    assertThat(mode).isEqualToIgnoringCase("wal");
    assertThat(store.dialect()).isEqualTo(Dialect.SQLITE);
  }

  @Test
  void should_let_a_second_process_write_to_the_same_sqlite_file_between_our_writes() {
    // a second Store has its own connections, as a CLI run beside the server would
    String url = stores.freshUrl(Db.SQLITE);
    Store server = stores.reopen(url);
    Store cli = stores.reopen(url);
    server.write(c -> insertDedup(c, "from-server"));

    cli.write(c -> insertDedup(c, "from-cli"));
    server.write(c -> insertDedup(c, "from-server-again"));

    assertThat(rows(server, "dedup")).isEqualTo(3);
  }

  @Test
  void should_default_to_a_file_in_the_data_folder() {
    assertThat(Store.sqliteUrl(Path.of("/srv/policybot/data")))
        .isEqualTo("jdbc:sqlite:/srv/policybot/data/policybot.db");
  }

  @Test
  void should_refuse_an_in_memory_database_and_an_unknown_one() {
    assertThatThrownBy(() -> Store.open("jdbc:sqlite::memory:"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("in-memory");
    assertThatThrownBy(() -> Store.open("jdbc:mysql://localhost/x"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unsupported");
  }

  static int insertDedup(java.sql.Connection c, String key) throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO dedup (source, event_key, seen_at) VALUES ('test', ?, 0)")) {
      ps.setString(1, key);
      return ps.executeUpdate();
    }
  }

  /** Rows in {@code table}. */
  static long rows(Store store, String table) {
    return store.<Long>read(c -> count(c, "SELECT COUNT(*) FROM " + table));
  }

  static long count(java.sql.Connection c, String sql) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
