package policybot.escalation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import policybot.store.Store;

/**
 * Published rulings: made from a reviewer's answer, edited, withdrawn, and flagged for
 * re-approval when a policy they rest on changes.
 */
public final class Rulings {

  private static final String COLUMNS =
      "id, school, question, answer, reviewer, decided_on, status, case_id, updated_at, reviewer_name";

  /**
   * Every statement that changes a ruling bumps its revision ({@link #revision}) and keeps the
   * reviewer's name only when the same person acts again; SET reads the row's old values.
   */
  private static final String TOUCH =
      "revision = revision + 1, reviewer_name = CASE WHEN reviewer = ? THEN reviewer_name ELSE NULL END";

  private final Store store;
  private final Clock clock;

  public Rulings(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Publishes a ruling, in force from today. */
  public Ruling publish(
      String school,
      String question,
      String answer,
      String reviewer,
      List<PolicyVersion> restsOn,
      Optional<String> caseId) {
    return publish(school, question, answer, reviewer, Optional.empty(), restsOn, caseId);
  }

  /**
   * Publishes a ruling, in force from today, naming the reviewer as staff know them ({@code
   * reviewerName}) when an answer cites it.
   */
  public Ruling publish(
      String school,
      String question,
      String answer,
      String reviewer,
      Optional<String> reviewerName,
      List<PolicyVersion> restsOn,
      Optional<String> caseId) {
    requireText(school, "school");
    requireText(question, "question");
    requireText(answer, "answer");
    requireText(reviewer, "reviewer");
    String id = UUID.randomUUID().toString();
    long now = clock.millis();
    LocalDate today = LocalDate.now(clock);
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO rulings (id, school, question, answer, reviewer, decided_on, status,"
                      + " case_id, created_at, updated_at, reviewer_name)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, school);
            ps.setString(3, question.strip());
            ps.setString(4, answer.strip());
            ps.setString(5, reviewer);
            ps.setString(6, today.toString());
            ps.setString(7, RulingStatus.CURRENT.name());
            ps.setString(8, caseId.orElse(null));
            ps.setLong(9, now);
            ps.setLong(10, now);
            ps.setString(11, reviewerName.map(String::strip).filter(n -> !n.isEmpty()).orElse(null));
            ps.executeUpdate();
          }
          replacePolicies(c, id, restsOn);
          return load(c, id).orElseThrow();
        });
  }

  /** Rewords a ruling; empty if there is none with that id or it was withdrawn. */
  public Optional<Ruling> edit(String id, String question, String answer, String editor) {
    requireText(question, "question");
    requireText(answer, "answer");
    requireText(editor, "editor");
    return update(
        id,
        "UPDATE rulings SET question = ?, answer = ?, " + TOUCH + ", reviewer = ?, decided_on = ?,"
            + " updated_at = ? WHERE id = ? AND status <> 'WITHDRAWN'",
        question.strip(),
        answer.strip(),
        editor,
        editor);
  }

  /** Takes a ruling out of use; empty if there is none with that id. */
  public Optional<Ruling> withdraw(String id, String by) {
    requireText(by, "by");
    return update(
        id,
        "UPDATE rulings SET status = 'WITHDRAWN', " + TOUCH + ", reviewer = ?, decided_on = ?,"
            + " updated_at = ? WHERE id = ?",
        by,
        by);
  }

  /**
   * A reviewer confirms a ruling still holds against the policies as they are now: it is in force
   * again and rests on the new versions. Empty if there is none with that id or it was withdrawn.
   */
  public Optional<Ruling> reapprove(String id, String reviewer, List<PolicyVersion> restsOn) {
    requireText(reviewer, "reviewer");
    long now = clock.millis();
    String today = LocalDate.now(clock).toString();
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE rulings SET status = 'CURRENT', " + TOUCH + ", reviewer = ?, decided_on = ?,"
                      + " updated_at = ? WHERE id = ? AND status <> 'WITHDRAWN'")) {
            ps.setString(1, reviewer);
            ps.setString(2, reviewer);
            ps.setString(3, today);
            ps.setLong(4, now);
            ps.setString(5, id);
            if (ps.executeUpdate() == 0) {
              return Optional.empty();
            }
          }
          replacePolicies(c, id, restsOn);
          return load(c, id);
        });
  }

  /**
   * Flags for re-approval every current ruling resting on a policy whose hash is no longer the one
   * it was made against, or which is gone. {@code currentHashes} maps "school/policy" to content
   * hash, as the index keeps them; schools absent from the map are left alone, so a partial map
   * cannot flag a whole school. Returns the rulings flagged.
   */
  public List<Ruling> flagChanged(Map<String, String> currentHashes) {
    Map<String, Map<String, String>> bySchool = new HashMap<>();
    currentHashes.forEach(
        (key, hash) -> {
          int slash = key.indexOf('/');
          if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("policy keys are school/policy, not " + key);
          }
          bySchool
              .computeIfAbsent(key.substring(0, slash), s -> new HashMap<>())
              .put(key.substring(slash + 1), hash);
        });
    long now = clock.millis();
    return store.write(
        c -> {
          List<String> stale = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.id, r.school, p.policy, p.content_hash FROM rulings r"
                      + " JOIN ruling_policies p ON p.ruling_id = r.id WHERE r.status = 'CURRENT'");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Map<String, String> school = bySchool.get(rs.getString(2));
              if (school != null
                  && !rs.getString(4).equals(school.get(rs.getString(3)))
                  && !stale.contains(rs.getString(1))) {
                stale.add(rs.getString(1));
              }
            }
          }
          List<Ruling> flagged = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE rulings SET status = 'NEEDS_REAPPROVAL', revision = revision + 1, updated_at = ?"
                      + " WHERE id = ? AND status = 'CURRENT'")) {
            for (String id : stale) {
              ps.setLong(1, now);
              ps.setString(2, id);
              if (ps.executeUpdate() == 1) {
                flagged.add(load(c, id).orElseThrow());
              }
            }
          }
          return flagged;
        });
  }

  /**
   * A value that changes whenever any of the school's rulings is published or changed, so a copy
   * of its rulings held in memory can be checked with one small query before each answer.
   */
  public Revision revision(String school) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM rulings WHERE school = ?")) {
            ps.setString(1, school);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new Revision(rs.getLong(1), rs.getLong(2));
            }
          }
        });
  }

  /**
   * How many rulings a school has and the sum of their revisions: rulings are never deleted and
   * every change adds one to a revision, so any change gives a different value.
   */
  public record Revision(long rulings, long changes) {}

  public Optional<Ruling> find(String id) {
    return store.read(c -> load(c, id));
  }

  /** A school's rulings in a given status, newest first. */
  public List<Ruling> inStatus(String school, RulingStatus status) {
    return store.read(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM rulings WHERE school = ? AND status = ?"
                      + " ORDER BY updated_at DESC, id DESC")) {
            ps.setString(1, school);
            ps.setString(2, status.name());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          List<Ruling> out = new ArrayList<>();
          for (String id : ids) {
            load(c, id).ifPresent(out::add);
          }
          return out;
        });
  }

  private Optional<Ruling> update(String id, String sql, String... leading) {
    long now = clock.millis();
    String today = LocalDate.now(clock).toString();
    return store.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String value : leading) {
              ps.setString(i++, value);
            }
            ps.setString(i++, today);
            ps.setLong(i++, now);
            ps.setString(i, id);
            if (ps.executeUpdate() == 0) {
              return Optional.empty();
            }
          }
          return load(c, id);
        });
  }

  private static void replacePolicies(Connection c, String id, List<PolicyVersion> restsOn)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM ruling_policies WHERE ruling_id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
    Map<String, PolicyVersion> unique = new LinkedHashMap<>();
    restsOn.forEach(v -> unique.put(v.policy(), v));
    if (unique.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ruling_policies (ruling_id, policy, content_hash) VALUES (?, ?, ?)")) {
      for (PolicyVersion v : unique.values()) {
        ps.setString(1, id);
        ps.setString(2, v.policy());
        ps.setString(3, v.contentHash());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Optional<Ruling> load(Connection c, String id) throws SQLException {
    List<PolicyVersion> restsOn = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT policy, content_hash FROM ruling_policies WHERE ruling_id = ? ORDER BY policy")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          restsOn.add(new PolicyVersion(rs.getString(1), rs.getString(2)));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM rulings WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Ruling(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                LocalDate.parse(rs.getString(6)),
                restsOn,
                RulingStatus.valueOf(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)),
                Instant.ofEpochMilli(rs.getLong(9)),
                Optional.ofNullable(rs.getString(10))));
      }
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
