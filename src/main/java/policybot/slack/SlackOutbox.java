package policybot.slack;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.store.Store;

/**
 * Case news waiting to go to Slack, kept in the shared store: each delivery is written before it
 * is tried, tried again with growing waits while Slack fails, and marked sent once Slack accepts
 * it, so a Slack outage loses nothing and a sent delivery is never sent again. Any instance on the
 * same database may deliver any row; a short lease keeps two from trying one row at once.
 */
final class SlackOutbox implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);

  /** What a delivery is. */
  enum Kind {
    /** A case card DMed to a reviewer (new, assigned, reminder, hand-over). */
    CARD,
    /** The reviewer's answer, to the asker where they asked. */
    ANSWER,
    /** Re-render every card already sent for a case, as it stands now. */
    REFRESH
  }

  /** One delivery to make; {@code attempts} counts this one. */
  record Item(String id, Kind kind, String caseId, String recipient, String note, int attempts) {}

  /** What an attempt did. */
  sealed interface Result permits Sent, Failed, Skipped {}

  /** Slack accepted it; where the message landed, if it was a new message. */
  record Sent(Optional<String> channel, Optional<String> ts) implements Result {
    static Sent nowhere() {
      return new Sent(Optional.empty(), Optional.empty());
    }
  }

  /** Slack refused or could not be reached; try again later. */
  record Failed(String why) implements Result {}

  /** Nothing to send (the case is gone, or the asker is not in Slack); done. */
  record Skipped(String why) implements Result {}

  /** Makes one delivery; must not throw for Slack's failures. */
  @FunctionalInterface
  interface Deliverer {
    Result deliver(Item item);
  }

  /** A card sent to a reviewer, so it can be updated when the case moves on. */
  record SentCard(String recipient, String channel, String ts) {}

  /** How often due deliveries are looked for: retries are due within a second of their time. */
  static final Duration POLL_EVERY = Duration.ofSeconds(1);

  /** First wait after a failure; it doubles each time, so a short blip costs seconds. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  /** Longest wait between tries: a Slack outage ends and news still arrives within minutes. */
  static final Duration MAX_RETRY = Duration.ofMinutes(5);

  /** Tries before giving up: with the waits above, about a day of Slack being unreachable. */
  static final int MAX_ATTEMPTS = 300;

  /** While one instance tries a row, others leave it this long: far longer than one Slack call. */
  static final Duration LEASE = Duration.ofMinutes(2);

  /** Rows taken per pass, so one pass over a long backlog does not hold the loop for long. */
  static final int BATCH = 50;

  private final Store store;
  private final Clock clock;
  private final Deliverer deliverer;
  private final ScheduledExecutorService loop;
  private final AtomicBoolean kicked = new AtomicBoolean();
  /** Until started, rows only queue: tests drive {@link #runDue} themselves. */
  private volatile boolean started;

  SlackOutbox(Store store, Clock clock, Deliverer deliverer) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deliverer = Objects.requireNonNull(deliverer, "deliverer");
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "policybot-slack-outbox");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the background loop that delivers what is due. */
  void start() {
    started = true;
    loop.scheduleWithFixedDelay(this::runQuietly, 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Queues a delivery, committed before it returns, and nudges the loop. A second delivery with
   * the same key (the same event told twice) is not queued: false.
   */
  boolean enqueue(String key, Kind kind, String caseId, String recipient, String note) {
    long now = clock.millis();
    boolean added =
        store.write(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO slack_outbox (id, dedup_key, kind, case_id, recipient, note, status, attempts,"
                          + " next_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                          + " ON CONFLICT (dedup_key) DO NOTHING")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, key);
                ps.setString(3, kind.name());
                ps.setString(4, caseId);
                ps.setString(5, recipient);
                ps.setString(6, note == null ? "" : note);
                ps.setLong(7, now);
                ps.setLong(8, now);
                return ps.executeUpdate() == 1;
              }
            });
    if (added) {
      kick();
    }
    return added;
  }

  /** Runs a pass soon, off the caller's thread; passes asked for while one is queued merge. */
  void kick() {
    if (started && kicked.compareAndSet(false, true)) {
      try {
        loop.execute(
            () -> {
              kicked.set(false);
              runQuietly();
            });
      } catch (RejectedExecutionException e) {
        kicked.set(false); // closing: the rows stay queued for the next start
      }
    }
  }

  private void runQuietly() {
    try {
      runDue();
    } catch (RuntimeException e) {
      // never thrown out of the loop: a scheduled task that throws is never run again
      log.atWarn().setCause(e).log("Slack deliveries could not be read; trying again shortly");
    }
  }

  /** Delivers every due row this instance can claim; returns how many were tried. */
  int runDue() {
    int tried = 0;
    while (true) {
      List<Item> due = due();
      int claimed = 0;
      for (Item item : due) {
        if (claim(item)) {
          claimed++;
          attempt(item);
        }
      }
      tried += claimed;
      if (due.size() < BATCH || claimed == 0) {
        return tried;
      }
    }
  }

  private List<Item> due() {
    long now = clock.millis();
    return store.read(
        c -> {
          List<Item> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, kind, case_id, recipient, note, attempts, next_at FROM slack_outbox"
                      + " WHERE status = 'PENDING' AND next_at <= ? ORDER BY next_at, created_at LIMIT ?")) {
            ps.setLong(1, now);
            ps.setInt(2, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Item(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6) + 1));
              }
            }
          }
          return out;
        });
  }

  /** Takes a row for this attempt: pushes its next try past the lease, unless another instance did first. */
  private boolean claim(Item item) {
    long now = clock.millis();
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE slack_outbox SET attempts = ?, next_at = ? WHERE id = ? AND status = 'PENDING'"
                      + " AND attempts = ? AND next_at <= ?")) {
            ps.setInt(1, item.attempts());
            ps.setLong(2, now + LEASE.toMillis());
            ps.setString(3, item.id());
            ps.setInt(4, item.attempts() - 1);
            ps.setLong(5, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private void attempt(Item item) {
    Result result;
    try {
      result = deliverer.deliver(item);
    } catch (RuntimeException e) {
      result = new Failed(e.toString());
    }
    long now = clock.millis();
    Result r = result;
    store.write(
        c -> {
          if (r instanceof Sent sent) {
            finish(c, item, "SENT", now, sent.channel().orElse(null), sent.ts().orElse(null), null);
          } else if (r instanceof Skipped skipped) {
            finish(c, item, "SENT", now, null, null, "skipped: " + skipped.why());
          } else if (item.attempts() >= MAX_ATTEMPTS) {
            finish(c, item, "GAVE_UP", now, null, null, ((Failed) r).why());
          } else {
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE slack_outbox SET next_at = ?, last_error = ? WHERE id = ?")) {
              ps.setLong(1, now + backoff(item.attempts()).toMillis());
              ps.setString(2, ((Failed) r).why());
              ps.setString(3, item.id());
              ps.executeUpdate();
            }
          }
          return null;
        });
    if (r instanceof Failed f) {
      var event = item.attempts() >= MAX_ATTEMPTS ? log.atError() : log.atWarn();
      event
          .addKeyValue("kind", item.kind())
          .addKeyValue("case", item.caseId())
          .addKeyValue("attempt", item.attempts())
          .addKeyValue("error", f.why())
          .log(item.attempts() >= MAX_ATTEMPTS ? "gave up delivering case news to Slack" : "case news not delivered to Slack yet; will retry");
    }
  }

  private static void finish(Connection c, Item item, String status, long now, String channel, String ts, String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE slack_outbox SET status = ?, done_at = ?, sent_channel = ?, sent_ts = ?, last_error = ? WHERE id = ?")) {
      ps.setString(1, status);
      ps.setLong(2, now);
      ps.setString(3, channel);
      ps.setString(4, ts);
      ps.setString(5, note);
      ps.setString(6, item.id());
      ps.executeUpdate();
    }
  }

  /** The wait after the {@code attempts}-th failure: doubling from {@link #FIRST_RETRY}, at most {@link #MAX_RETRY}. */
  static Duration backoff(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    Duration d = FIRST_RETRY.multipliedBy(1L << doublings);
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  /** The cards already in reviewers' DMs for a case. */
  List<SentCard> sentCards(String caseId) {
    return store.read(
        c -> {
          List<SentCard> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT recipient, sent_channel, sent_ts FROM slack_outbox WHERE case_id = ? AND kind = 'CARD'"
                      + " AND status = 'SENT' AND sent_ts IS NOT NULL ORDER BY created_at")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new SentCard(rs.getString(1), rs.getString(2), rs.getString(3)));
              }
            }
          }
          return out;
        });
  }

  /** Deliveries still waiting, for tests and the log. */
  int pending() {
    return store.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM slack_outbox WHERE status = 'PENDING'");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
