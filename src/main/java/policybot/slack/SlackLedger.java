package policybot.slack;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Slack session state kept across a restart, in one SQLite file in the data folder: each answer
 * sent (for Share, the buttons and the Home tab), "ask the head" requests, each person's school,
 * the question a thread started with, and questions waiting for their asker to pick a school.
 * Deliveries already taken and button presses live in the shared store (see {@link
 * SeenDeliveries}), so several instances on one database agree on them.
 */
final class SlackLedger implements Closeable {
  /** File name in the data folder. */
  static final String FILE = "slack.db";

  /**
   * Questions, answers and threads are kept a term at most: long enough for a person's recent
   * questions and for the head to review feedback, short enough not to hoard what staff typed.
   */
  static final Duration QUESTIONS_KEPT = Duration.ofDays(90);

  /** A question waiting for its asker to pick a school is dropped after a day. */
  static final Duration PENDING_KEPT = Duration.ofDays(1);

  /** SQLite waits this long for a lock instead of failing at once. */
  static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS answers (
        id TEXT PRIMARY KEY,
        team TEXT NOT NULL,
        user TEXT NOT NULL,
        channel TEXT,
        thread_ts TEXT,
        surface TEXT NOT NULL,
        school TEXT NOT NULL,
        question TEXT,
        outcome TEXT NOT NULL,
        verdict TEXT,
        payload TEXT NOT NULL,
        at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS answers_by_user ON answers(team, user, at);
      CREATE TABLE IF NOT EXISTS head_requests (
        answer_id TEXT NOT NULL,
        user TEXT NOT NULL,
        team TEXT NOT NULL,
        school TEXT NOT NULL,
        case_id TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (answer_id, user));
      CREATE TABLE IF NOT EXISTS school_choices (
        team TEXT NOT NULL,
        user TEXT NOT NULL,
        school TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (team, user));
      CREATE TABLE IF NOT EXISTS threads (
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        ts TEXT NOT NULL,
        question TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (team, channel, ts));
      CREATE TABLE IF NOT EXISTS pending (
        id TEXT PRIMARY KEY,
        team TEXT NOT NULL,
        user TEXT NOT NULL,
        channel TEXT,
        thread_ts TEXT,
        message_ts TEXT,
        surface TEXT NOT NULL,
        response_url TEXT,
        text TEXT NOT NULL,
        at INTEGER NOT NULL);
      """;

  /** The thread key under which a DM's latest top-level question is kept; never a real ts. */
  private static final String DM_LATEST = "latest";

  private static final String ANSWER_COLUMNS = "id, team, user, channel, surface, thread_ts, question, school, payload, at";

  private final Connection db;
  private final Clock clock;

  private SlackLedger(Connection db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Opens (creating if needed) the ledger in {@code dataDir}. */
  static SlackLedger open(Path dataDir, Clock clock) {
    try {
      Files.createDirectories(dataDir);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath());
      try (Statement s = db.createStatement()) {
        // WAL: readers do not block the writer. NORMAL: a commit survives the process dying,
        // which is what a restart between a delivery and its retry needs.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
        for (String ddl : SCHEMA.split(";")) {
          if (!ddl.isBlank()) {
            s.execute(ddl);
          }
        }
      }
      SlackLedger ledger = new SlackLedger(db, clock);
      ledger.purge();
      return ledger;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the Slack ledger in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * One answer as the ledger keeps it.
   *
   * @param asked where it was asked (its text is the question, empty for a safeguarding concern)
   */
  record StoredAnswer(String id, Asked asked, String school, Optional<String> question, SlackAnswer answer, Instant at) {
    String user() {
      return asked.user();
    }
  }

  synchronized void saveAnswer(Asked asked, SlackAnswer answer) {
    update(
        "INSERT OR REPLACE INTO answers(id, team, user, channel, thread_ts, surface, school, question, outcome, verdict, payload, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        answer.id(),
        asked.team(),
        asked.user(),
        asked.channel(),
        asked.threadRoot(),
        asked.surface().name(),
        answer.school(),
        answer.question().isEmpty() ? null : answer.question(),
        answer.outcome().wire(),
        answer.verdict() == null ? null : answer.verdict().wire(),
        answer.toJson(),
        now());
  }

  synchronized Optional<StoredAnswer> answer(String id) {
    List<StoredAnswer> rows =
        query("SELECT " + ANSWER_COLUMNS + " FROM answers WHERE id = ?", id);
    return rows.stream().findFirst();
  }

  /** The person's latest answers, newest first. */
  synchronized List<StoredAnswer> recent(String team, String user, int limit) {
    return query(
        "SELECT " + ANSWER_COLUMNS + " FROM answers WHERE team = ? AND user = ?"
            + " ORDER BY at DESC, rowid DESC LIMIT ?",
        team,
        user,
        limit);
  }

  /** Records a request for the head's view; true if new, false if this person already asked. */
  synchronized boolean requestHead(String answerId, String user, String team, String school) {
    return update(
            "INSERT OR IGNORE INTO head_requests(answer_id, user, team, school, at) VALUES (?, ?, ?, ?, ?)",
            answerId,
            user,
            team,
            school,
            now())
        == 1;
  }

  /** Links a request for the head's view to the escalation case filed for it. */
  synchronized void caseFiled(String answerId, String user, String caseId) {
    update("UPDATE head_requests SET case_id = ? WHERE answer_id = ? AND user = ?", caseId, answerId, user);
  }

  /** Whether this person asked for the head's view on this answer, and the case filed for it, if any. */
  synchronized Optional<Optional<String>> headRequest(String answerId, String user) {
    try (PreparedStatement ps = db.prepareStatement("SELECT case_id FROM head_requests WHERE answer_id = ? AND user = ?")) {
      bind(ps, answerId, user);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  synchronized void rememberSchool(String team, String user, String school) {
    update(
        "INSERT INTO school_choices(team, user, school, at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT(team, user) DO UPDATE SET school = excluded.school, at = excluded.at",
        team,
        user,
        school,
        now());
  }

  synchronized Optional<String> school(String team, String user) {
    return string("SELECT school FROM school_choices WHERE team = ? AND user = ?", team, user);
  }

  /** Records the question a thread started with, unless the thread already has one. */
  synchronized void startThread(String team, String channel, String ts, String question) {
    update(
        "INSERT OR IGNORE INTO threads(team, channel, ts, question, at) VALUES (?, ?, ?, ?, ?)",
        team,
        channel,
        ts,
        question,
        now());
  }

  /** Records the latest question asked at the top level of a DM, for a follow-up typed there. */
  synchronized void latestInDm(String team, String channel, String question) {
    update(
        "INSERT OR REPLACE INTO threads(team, channel, ts, question, at) VALUES (?, ?, ?, ?, ?)",
        team,
        channel,
        DM_LATEST,
        question,
        now());
  }

  /** The latest top-level question in a DM, if asked since {@code since}. */
  synchronized Optional<String> latestInDm(String team, String channel, Instant since) {
    return string(
        "SELECT question FROM threads WHERE team = ? AND channel = ? AND ts = ? AND at >= ?",
        team,
        channel,
        DM_LATEST,
        since.toEpochMilli());
  }

  synchronized Optional<String> threadQuestion(String team, String channel, String ts) {
    return string("SELECT question FROM threads WHERE team = ? AND channel = ? AND ts = ?", team, channel, ts);
  }

  /** Keeps a question until its asker picks a school; returns its id for the buttons. */
  synchronized String savePending(Asked asked) {
    String id = UUID.randomUUID().toString();
    update(
        "INSERT INTO pending(id, team, user, channel, thread_ts, message_ts, surface, response_url, text, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        asked.team(),
        asked.user(),
        asked.channel(),
        asked.threadTs(),
        asked.messageTs(),
        asked.surface().name(),
        asked.responseUrl(),
        asked.text(),
        now());
    return id;
  }

  /** Takes a waiting question out of the ledger, if it is still there and belongs to {@code user}. */
  synchronized Optional<Asked> takePending(String id, String user) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT team, user, channel, thread_ts, message_ts, surface, response_url, text FROM pending WHERE id = ? AND user = ?")) {
      bind(ps, id, user);
      Optional<Asked> found;
      try (ResultSet rs = ps.executeQuery()) {
        found =
            rs.next()
                ? Optional.of(
                    new Asked(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Asked.Surface.valueOf(rs.getString(6)),
                        rs.getString(8),
                        rs.getString(7)))
                : Optional.empty();
      }
      if (found.isPresent()) {
        update("DELETE FROM pending WHERE id = ?", id);
      }
      return found;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Drops what is past its keeping time. */
  synchronized void purge() {
    long now = now();
    update("DELETE FROM pending WHERE at < ?", now - PENDING_KEPT.toMillis());
    long questions = now - QUESTIONS_KEPT.toMillis();
    update("DELETE FROM threads WHERE at < ?", questions);
    update("DELETE FROM answers WHERE at < ?", questions);
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private long now() {
    return clock.millis();
  }

  private List<StoredAnswer> query(String sql, Object... args) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      bind(ps, args);
      List<StoredAnswer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<String> question = Optional.ofNullable(rs.getString(7));
          Asked.Surface surface = Asked.Surface.valueOf(rs.getString(5));
          String threadRoot = rs.getString(6);
          Asked asked =
              new Asked(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  surface == Asked.Surface.COMMAND ? null : threadRoot,
                  null,
                  surface,
                  question.orElse(""),
                  null);
          out.add(
              new StoredAnswer(
                  rs.getString(1),
                  asked,
                  rs.getString(8),
                  question,
                  SlackAnswer.fromJson(rs.getString(9)),
                  Instant.ofEpochMilli(rs.getLong(10))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private Optional<String> string(String sql, Object... args) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private int update(String sql, Object... args) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("Slack ledger: " + e.getMessage(), e);
  }
}
