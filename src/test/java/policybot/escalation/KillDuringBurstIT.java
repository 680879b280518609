package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.Store;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

/**
 * A server killed with {@code kill -9} in the middle of a burst of escalations loses no case it
 * acknowledged, and a retry of every request afterwards files no second case.
 */
class KillDuringBurstIT {

  @RegisterExtension static final TestStores stores = new TestStores();

  /** Acknowledgements to wait for before the kill: well into the burst, still far from its end. */
  private static final int ACKS_BEFORE_KILL = 150;

  /** Requests the first child would file if left alone; it never gets near them. */
  private static final int BURST = 1_000_000;

  /** Concurrent filers in the child, like request threads in a server. */
  private static final int THREADS = 4;

  /** A child process that takes longer than this is stuck. */
  private static final long CHILD_TIMEOUT_SECONDS = 60;

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_keep_every_acknowledged_case_exactly_once_after_a_kill_and_a_retry(Db db) throws Exception {
    String url = stores.freshUrl(db);

    // given a burst of escalations, killed once it has acknowledged ACKS_BEFORE_KILL of them
    Map<String, String> acknowledged = new LinkedHashMap<>();
    Process burst = child(url, BURST, THREADS);
    try (BufferedReader out = reader(burst)) {
      String line;
      while (acknowledged.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        record(line, acknowledged);
      }
      // SIGKILL, as kill -9; through the handle, because Process.destroyForcibly also closes our
      // end of its stdout and we still want the lines it printed before it died
      burst.toHandle().destroyForcibly();
      assertThat(burst.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      // lines already printed were printed after their commit: they count as acknowledged too
      while ((line = out.readLine()) != null) {
        record(line, acknowledged);
      }
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    assertThat(burst.exitValue()).as("killed, not finished").isNotZero();

    System.out.printf("%s: %d acknowledged before the kill, %d cases in the store after it%n", db, acknowledged.size(), count(stores.reopen(url), "SELECT COUNT(*) FROM cases"));
    // when every request up to past the last acknowledged one is retried
    int retried = acknowledged.keySet().stream().mapToInt(KillDuringBurstIT::number).max().orElseThrow() + THREADS + 1;
    Map<String, String> afterRetry = new LinkedHashMap<>();
    Process retry = child(url, retried, 1);
    try (BufferedReader out = reader(retry)) {
      String line;
      while ((line = out.readLine()) != null) {
        record(line, afterRetry);
      }
    }
    assertThat(retry.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(retry.exitValue()).as(stderrOf(retry)).isZero();

    // then each acknowledged case is there with the id it was acknowledged with, once
    assertThat(afterRetry).hasSize(retried).containsAllEntriesOf(acknowledged);
    Store store = stores.reopen(url);
    assertThat(count(store, "SELECT COUNT(*) FROM cases")).isEqualTo(retried);
    assertThat(count(store, "SELECT COUNT(DISTINCT idempotency_key) FROM cases")).isEqualTo(retried);
    Cases cases = new Cases(store, java.time.Clock.systemUTC());
    for (String id : acknowledged.values()) {
      assertThat(cases.find(id)).as(id).isPresent();
    }
    if (db == Db.SQLITE) {
      assertThat(store.<String>read(c -> text(c, "PRAGMA integrity_check"))).isEqualTo("ok");
    }
  }

  /** Length of a printed case id (a UUID); shorter means the kill cut the line. */
  private static final int UUID_LENGTH = 36;

  private static final Map<Process, Path> STDERR = new java.util.concurrent.ConcurrentHashMap<>();

  private static Process child(String url, int requests, int threads) throws IOException {
    Path err = Files.createTempFile("burst", ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-DPOLICYBOT_LOG_LEVEL=WARN",
                    EscalationBurst.class.getName(),
                    url,
                    Integer.toString(requests),
                    Integer.toString(threads)))
            .redirectError(err.toFile())
            .start();
    STDERR.put(p, err);
    return p;
  }

  private static String stderrOf(Process p) throws IOException {
    Path err = STDERR.remove(p);
    String text = Files.readString(err, StandardCharsets.UTF_8);
    Files.deleteIfExists(err);
    return "child stderr:\n" + text;
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void record(String line, Map<String, String> into) {
    if (!line.startsWith("filed ")) {
      return;
    }
    String[] parts = line.split(" ");
    if (parts.length != 3 || parts[2].length() != UUID_LENGTH) {
      // the kill can cut the last line short; a half-printed line was never an acknowledgement
      return;
    }
    String earlier = into.putIfAbsent(parts[1], parts[2]);
    assertThat(earlier).as("one id per request " + parts[1]).isIn(null, parts[2]);
  }

  private static int number(String key) {
    return Integer.parseInt(key.substring(EscalationBurst.KEY_PREFIX.length()));
  }

  private static long count(Store store, String sql) {
    return store.<Long>read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static String text(java.sql.Connection c, String sql) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
