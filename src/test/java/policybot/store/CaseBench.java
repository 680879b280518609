package policybot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import policybot.escalation.Cases;
import policybot.escalation.Filing;
import policybot.escalation.Fixtures;
import policybot.escalation.Roster;

/**
 * How many cases per second the store files, each committed before the next acknowledgement, on
 * SQLite and on the machine's PostgreSQL. Prints the median of several runs per database and
 * thread count; a first run per combination warms up and is not counted.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.store.CaseBench [cases] [runs]
 * </pre>
 */
public final class CaseBench {

  /** Cases filed per run: enough that connection warm-up and Flyway are noise. */
  static final int DEFAULT_CASES = 1000;

  /** Counted runs per combination; the median of five shrugs off one noisy neighbour. */
  static final int DEFAULT_RUNS = 5;

  /** One request thread, and as many as a small server runs at once on two cores. */
  static final int[] THREADS = {1, 4};

  private CaseBench() {}

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CASES;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RUNS;
    String database = "policybot_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String admin = "jdbc:postgresql://" + TestStores.POSTGRES_HOST + "/postgres?user=postgres";
    execute(admin, "CREATE DATABASE " + database);
    Path folder = Files.createTempDirectory("policybot-bench");
    try {
      System.out.printf("cases per run: %d, runs: %d (+1 warm-up), cores: %d%n", cases, runs, Runtime.getRuntime().availableProcessors());
      for (TestStores.Db db : TestStores.Db.values()) {
        for (int threads : THREADS) {
          double[] rates = new double[runs];
          for (int run = -1; run < runs; run++) {
            String url =
                db == TestStores.Db.SQLITE
                    ? Store.sqliteUrl(Files.createTempDirectory(folder, "run"))
                    : freshSchema(database);
            double rate = run(url, cases, threads);
            if (run >= 0) {
              rates[run] = rate;
            }
          }
          Arrays.sort(rates);
          System.out.printf(
              "%-10s threads=%d  median %6.0f cases/s  (min %.0f, max %.0f)%n",
              db, threads, rates[runs / 2], rates[0], rates[runs - 1]);
        }
      }
    } finally {
      execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      deleteTree(folder);
    }
  }

  private static double run(String url, int cases, int threads) throws Exception {
    try (Store store = Store.open(url)) {
      Clock clock = Clock.systemUTC();
      new Roster(store, clock).put(Fixtures.REVIEWERS);
      Cases repository = new Cases(store, clock);
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          done.add(
              pool.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                      Filing f = repository.file(Fixtures.question("bench-" + i, "Bench question " + i));
                      if (!(f instanceof Filing.Created)) {
                        throw new IllegalStateException("expected a new case, got " + f);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        return cases / ((System.nanoTime() - start) / 1e9);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String freshSchema(String database) throws SQLException {
    String url = "jdbc:postgresql://" + TestStores.POSTGRES_HOST + "/" + database + "?user=postgres";
    String schema = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(url, "CREATE SCHEMA " + schema);
    return url + "&currentSchema=" + schema;
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
