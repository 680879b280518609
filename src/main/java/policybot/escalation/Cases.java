package policybot.escalation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import policybot.answer.EscalationReason;
import policybot.store.Store;

/**
 * The escalation cases: filing them (idempotently, committed before the person is told), who may
 * see them, moving them through their statuses with an audit log, and the overdue sweep.
 */
public final class Cases {

  /** The actor recorded for changes the bot makes itself (reminders, hand-overs). */
  public static final String BOT = "policybot";

  /** Most cases one list returns: far above any reviewer's queue, and it bounds the query. */
  public static final int MAX_LIST = 500;

  private static final String COLUMNS =
      "c.id, c.school, c.kind, c.question, c.reason, c.origin, c.asker_platform, c.asker_id,"
          + " c.asker_name, c.reply_kind, c.reply_address, c.reply_thread, c.status, c.reviewer,"
          + " c.answer, c.created_at, c.updated_at, c.reminded_at, c.handed_over_at, c.purged_at";

  /** Who may see a case, as SQL over cases {@code c} joined with reviewers {@code r}. */
  private static final String VISIBLE_TO_USER =
      "((c.kind = 'SAFEGUARDING' AND r.dsl = ?)"
          + " OR (c.kind = 'QUESTION' AND (r.head = ? OR r.deputy = ? OR c.reviewer = ?)))";

  private final Store store;
  private final Clock clock;

  public Cases(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Files a case and commits it before returning, so the caller may then tell the person it was
   * sent. A retry with the same idempotency key returns the case already filed.
   */
  public Filing file(CaseRequest request) {
    long now = clock.millis();
    return store.write(
        c -> {
          Optional<Case> earlier = loadByKey(c, request.idempotencyKey());
          if (earlier.isPresent()) {
            return new Filing.Repeated(earlier.get());
          }
          Optional<Reviewers> reviewers = Roster.load(c, request.school());
          if (reviewers.isEmpty()) {
            return new Filing.NoReviewers(request.school());
          }
          String id = UUID.randomUUID().toString();
          String reviewer = reviewers.get().firstReviewer(request.kind());
          if (!insertCase(c, id, request, reviewer, now)) {
            // another instance filed the same request between our look-up and our insert
            return new Filing.Repeated(loadByKey(c, request.idempotencyKey()).orElseThrow());
          }
          insertClauses(c, id, request.clauses());
          audit(
              c,
              id,
              now,
              request.asker().userId(),
              Optional.empty(),
              CaseStatus.OPEN,
              "filed via " + request.origin().name().toLowerCase(Locale.ROOT) + ", sent to " + reviewer);
          return new Filing.Created(load(c, id).orElseThrow());
        });
  }

  /**
   * A case by id, whoever may see it: for the bot's own work (delivering an answer, notifying a
   * reviewer). To show a case to a person use {@link #findVisibleTo}.
   */
  public Optional<Case> find(String id) {
    return store.read(c -> load(c, id));
  }

  /** A case by id if {@code userId} may see it: safeguarding only to the DSL. */
  public Optional<Case> findVisibleTo(String userId, String id) {
    return store.read(c -> visible(c, load(c, id), userId));
  }

  /** Cases {@code userId} may review, newest first: safeguarding only to the school's DSL. */
  public List<Case> visibleTo(String userId, Set<CaseStatus> statuses, int limit) {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    String sql =
        "SELECT " + COLUMNS + " FROM cases c JOIN reviewers r ON r.school = c.school WHERE "
            + VISIBLE_TO_USER + " AND c.status IN (" + in + ")"
            + " ORDER BY c.created_at DESC, c.id DESC LIMIT ?";
    return store.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindUser(ps, userId);
            ps.setInt(5, boundedLimit(limit));
            return withClauses(c, rows(ps));
          }
        });
  }

  /** Every case {@code userId} may review, in any status, newest first. */
  public List<Case> visibleTo(String userId) {
    return visibleTo(userId, EnumSet.allOf(CaseStatus.class), MAX_LIST);
  }

  /**
   * The questions a person sent, newest first, so they can see what became of them. Safeguarding
   * cases are left out: only the DSL sees those.
   */
  public List<Case> askedBy(Platform platform, String userId, int limit) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM cases c WHERE c.asker_platform = ? AND c.asker_id = ?"
                      + " AND c.kind = 'QUESTION' ORDER BY c.created_at DESC, c.id DESC LIMIT ?")) {
            ps.setString(1, platform.name());
            ps.setString(2, userId);
            ps.setInt(3, boundedLimit(limit));
            return withClauses(c, rows(ps));
          }
        });
  }

  /**
   * Cases changed at or after {@code since}, oldest change first: a channel queues their news again
   * when it starts, in case the process stopped between a change's commit and its delivery being
   * queued (listeners hear of a change only after it commits).
   */
  public List<Case> changedSince(Instant since) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM cases c WHERE c.updated_at >= ? ORDER BY c.updated_at, c.id")) {
            ps.setLong(1, since.toEpochMilli());
            return withClauses(c, rows(ps));
          }
        });
  }

  /** Records the reviewer's answer and marks the case answered. */
  public StatusChange answer(String id, String reviewerId, String answerText) {
    if (answerText == null || answerText.isBlank()) {
      throw new IllegalArgumentException("an answer must not be blank");
    }
    return change(id, CaseStatus.ANSWERED, reviewerId, "answered", Optional.of(answerText.strip()));
  }

  /** Moves a case to {@code to} on behalf of {@code actorId}, who must be able to see it. */
  public StatusChange move(String id, CaseStatus to, String actorId, String note) {
    Objects.requireNonNull(to, "to");
    return change(id, to, actorId, note == null ? "" : note, Optional.empty());
  }

  private StatusChange change(
      String id, CaseStatus to, String actorId, String note, Optional<String> answerText) {
    long now = clock.millis();
    return store.write(
        c -> {
          Optional<Case> found = visible(c, load(c, id), actorId);
          if (found.isEmpty()) {
            return new StatusChange.NotFound(id);
          }
          Case current = found.get();
          if (!current.status().canMoveTo(to)) {
            return new StatusChange.NotAllowed(current, to);
          }
          String sql =
              answerText.isPresent()
                  ? "UPDATE cases SET status = ?, updated_at = ?, answer = ? WHERE id = ? AND status = ?"
                  : "UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status = ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, to.name());
            ps.setLong(i++, now);
            if (answerText.isPresent()) {
              ps.setString(i++, answerText.get());
            }
            ps.setString(i++, id);
            ps.setString(i, current.status().name());
            if (ps.executeUpdate() == 0) {
              // someone else moved it first; report where it stands now
              return new StatusChange.NotAllowed(load(c, id).orElseThrow(), to);
            }
          }
          audit(c, id, now, actorId, Optional.of(current.status()), to, note);
          return new StatusChange.Changed(load(c, id).orElseThrow(), current.status());
        });
  }

  /**
   * Reassigns an open case from its current reviewer to {@code to} on behalf of {@code actorId},
   * who must be able to see it. Safeguarding cases stay with the DSL: only the DSL sees them, so
   * there is no one else to give them to.
   */
  public StatusChange assign(String id, String to, String actorId) {
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("to must not be blank");
    }
    long now = clock.millis();
    return store.write(
        c -> {
          Optional<Case> found = visible(c, load(c, id), actorId);
          if (found.isEmpty()) {
            return new StatusChange.NotFound(id);
          }
          Case current = found.get();
          if (current.status() != CaseStatus.OPEN || current.isSafeguarding()) {
            return new StatusChange.NotAllowed(current, CaseStatus.OPEN);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE cases SET reviewer = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'"
                      + " AND reviewer = ?")) {
            ps.setString(1, to);
            ps.setLong(2, now);
            ps.setString(3, id);
            ps.setString(4, current.reviewer());
            if (ps.executeUpdate() == 0) {
              return new StatusChange.NotAllowed(load(c, id).orElseThrow(), CaseStatus.OPEN);
            }
          }
          audit(
              c, id, now, actorId, Optional.of(CaseStatus.OPEN), CaseStatus.OPEN,
              "assigned from " + current.reviewer() + " to " + to);
          return new StatusChange.Changed(load(c, id).orElseThrow(), CaseStatus.OPEN);
        });
  }

  /** A case's audit log, oldest first, if {@code userId} may see the case. */
  public List<AuditEntry> history(String userId, String id) {
    return store.read(
        c -> {
          if (visible(c, load(c, id), userId).isEmpty()) {
            return List.of();
          }
          List<AuditEntry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT case_id, changed_at, actor, old_status, new_status, note FROM case_audit"
                      + " WHERE case_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String old = rs.getString(4);
                out.add(
                    new AuditEntry(
                        rs.getString(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        old == null ? Optional.empty() : Optional.of(CaseStatus.valueOf(old)),
                        CaseStatus.valueOf(rs.getString(5)),
                        rs.getString(6)));
              }
            }
          }
          return out;
        });
  }

  /**
   * Open cases filed at or before {@code bound} and not yet handed to the deputy: the only ones that can
   * be overdue. Oldest first.
   */
  public List<Case> openFiledBy(Instant bound) {
    return store.read(c -> openFiledBy(c, bound));
  }

  /**
   * Finds the overdue cases at the clock's now, records each reminder or hand-over (once: a second
   * sweep, or another instance's, finds nothing more to do) and returns them for delivery.
   */
  public List<Nudge> sweepOverdue(Overdue rule) {
    Instant now = clock.instant();
    return store.write(
        c -> {
          List<Nudge> applied = new ArrayList<>();
          Map<String, Optional<Reviewers>> rosters = new LinkedHashMap<>();
          for (Case k : openFiledBy(c, rule.filedByBound(now))) {
            Optional<Reviewers> reviewers = rosters.get(k.school());
            if (reviewers == null) {
              reviewers = Roster.load(c, k.school());
              rosters.put(k.school(), reviewers);
            }
            if (reviewers.isEmpty()) {
              continue;
            }
            Optional<Nudge> nudge = rule.next(k, reviewers.get(), now);
            if (nudge.isPresent() && record(c, nudge.get(), now.toEpochMilli())) {
              Case updated = load(c, k.id()).orElseThrow();
              applied.add(
                  nudge.get() instanceof Nudge.HandOver h
                      ? new Nudge.HandOver(updated, h.from(), h.to())
                      : new Nudge.Remind(updated, ((Nudge.Remind) nudge.get()).reviewer()));
            }
          }
          return applied;
        });
  }

  /** Case counts by status for a school; purged cases still count. */
  public Map<CaseStatus, Long> counts(String school) {
    return store.read(
        c -> {
          Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
          for (CaseStatus s : CaseStatus.values()) {
            counts.put(s, 0L);
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT status, COUNT(*) FROM cases WHERE school = ? GROUP BY status")) {
            ps.setString(1, school);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                counts.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
              }
            }
          }
          return counts;
        });
  }

  private boolean record(Connection c, Nudge nudge, long now) throws SQLException {
    String id = nudge.overdue().id();
    if (nudge instanceof Nudge.Remind r) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE cases SET reminded_at = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'"
                  + " AND reminded_at IS NULL")) {
        ps.setLong(1, now);
        ps.setLong(2, now);
        ps.setString(3, id);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      audit(c, id, now, BOT, Optional.of(CaseStatus.OPEN), CaseStatus.OPEN, "overdue: reminded " + r.reviewer());
      return true;
    }
    Nudge.HandOver h = (Nudge.HandOver) nudge;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE cases SET reviewer = ?, handed_over_at = ?, updated_at = ? WHERE id = ?"
                + " AND status = 'OPEN' AND handed_over_at IS NULL AND reviewer = ?")) {
      ps.setString(1, h.to());
      ps.setLong(2, now);
      ps.setLong(3, now);
      ps.setString(4, id);
      ps.setString(5, h.from());
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    audit(
        c, id, now, BOT, Optional.of(CaseStatus.OPEN), CaseStatus.OPEN,
        "overdue: handed from " + h.from() + " to " + h.to());
    return true;
  }

  private List<Case> openFiledBy(Connection c, Instant bound) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM cases c WHERE c.status = 'OPEN' AND c.handed_over_at IS NULL"
                + " AND c.created_at <= ? ORDER BY c.created_at, c.id")) {
      ps.setLong(1, bound.toEpochMilli());
      return withClauses(c, rows(ps));
    }
  }

  /** The case if {@code userId} may see it under its school's current reviewers. */
  private static Optional<Case> visible(Connection c, Optional<Case> found, String userId)
      throws SQLException {
    if (found.isEmpty() || userId == null) {
      return Optional.empty();
    }
    Case k = found.get();
    Optional<Reviewers> reviewers = Roster.load(c, k.school());
    return reviewers.isPresent() && reviewers.get().canSee(k, userId) ? found : Optional.empty();
  }

  private static void bindUser(PreparedStatement ps, String userId) throws SQLException {
    for (int i = 1; i <= 4; i++) {
      ps.setString(i, userId);
    }
  }

  private static int boundedLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    return Math.min(limit, MAX_LIST);
  }

  private static boolean insertCase(Connection c, String id, CaseRequest r, String reviewer, long now)
      throws SQLException {
    ReplyColumns reply = ReplyColumns.of(r.asker().replyTo());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cases (id, idempotency_key, school, kind, question, reason, origin,"
                + " asker_platform, asker_id, asker_name, reply_kind, reply_address, reply_thread,"
                + " status, reviewer, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (idempotency_key) DO NOTHING")) {
      ps.setString(1, id);
      ps.setString(2, r.idempotencyKey());
      ps.setString(3, r.school());
      ps.setString(4, r.kind().name());
      ps.setString(5, r.question());
      ps.setString(6, r.reason().map(Enum::name).orElse(null));
      ps.setString(7, r.origin().name());
      ps.setString(8, r.asker().platform().name());
      ps.setString(9, r.asker().userId());
      ps.setString(10, r.asker().displayName());
      ps.setString(11, reply.kind());
      ps.setString(12, reply.address());
      ps.setString(13, reply.thread());
      ps.setString(14, CaseStatus.OPEN.name());
      ps.setString(15, reviewer);
      ps.setLong(16, now);
      ps.setLong(17, now);
      return ps.executeUpdate() == 1;
    }
  }

  private static void insertClauses(Connection c, String id, List<CaseClause> clauses) throws SQLException {
    if (clauses.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO case_clauses (case_id, ordinal, policy, clause_id, title, section, link,"
                + " clause_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int ordinal = 0;
      for (CaseClause k : clauses) {
        ps.setString(1, id);
        ps.setInt(2, ordinal++);
        ps.setString(3, k.policy());
        ps.setString(4, k.clauseId());
        ps.setString(5, k.title());
        ps.setString(6, k.section());
        ps.setString(7, k.link());
        ps.setString(8, k.text());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Appends to a case's audit log. Callers have already written the case row in this transaction,
   * which holds its lock, so no two entries for one case race for the same sequence number.
   */
  private static void audit(
      Connection c,
      String caseId,
      long at,
      String actor,
      Optional<CaseStatus> from,
      CaseStatus to,
      String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO case_audit (case_id, seq, changed_at, actor, old_status, new_status, note)"
                + " VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_audit WHERE case_id = ?),"
                + " ?, ?, ?, ?, ?)")) {
      ps.setString(1, caseId);
      ps.setString(2, caseId);
      ps.setLong(3, at);
      ps.setString(4, actor);
      ps.setString(5, from.map(Enum::name).orElse(null));
      ps.setString(6, to.name());
      ps.setString(7, note);
      ps.executeUpdate();
    }
  }

  private static Optional<Case> load(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cases c WHERE c.id = ?")) {
      ps.setString(1, id);
      List<Case> found = withClauses(c, rows(ps));
      return found.stream().findFirst();
    }
  }

  private static Optional<Case> loadByKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM cases c WHERE c.idempotency_key = ?")) {
      ps.setString(1, key);
      return withClauses(c, rows(ps)).stream().findFirst();
    }
  }

  private static List<Case> rows(PreparedStatement ps) throws SQLException {
    List<Case> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  private static Case row(ResultSet rs) throws SQLException {
    String reason = rs.getString(5);
    String answer = rs.getString(15);
    return new Case(
        rs.getString(1),
        rs.getString(2),
        CaseKind.valueOf(rs.getString(3)),
        rs.getString(4),
        reason == null ? Optional.empty() : Optional.of(EscalationReason.valueOf(reason)),
        Origin.valueOf(rs.getString(6)),
        new Asker(
            Platform.valueOf(rs.getString(7)),
            rs.getString(8),
            rs.getString(9),
            new ReplyColumns(rs.getString(10), rs.getString(11), rs.getString(12)).replyTo()),
        List.of(),
        CaseStatus.valueOf(rs.getString(13)),
        rs.getString(14),
        Optional.ofNullable(answer),
        Instant.ofEpochMilli(rs.getLong(16)),
        Instant.ofEpochMilli(rs.getLong(17)),
        instant(rs, 18),
        instant(rs, 19),
        instant(rs, 20));
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** Fills in each case's clauses with one query for the whole list. */
  private static List<Case> withClauses(Connection c, List<Case> cases) throws SQLException {
    if (cases.isEmpty()) {
      return cases;
    }
    Map<String, List<CaseClause>> byCase = clausesOf(c, cases.stream().map(Case::id).toList());
    List<Case> out = new ArrayList<>(cases.size());
    for (Case k : cases) {
      out.add(
          new Case(
              k.id(), k.school(), k.kind(), k.question(), k.reason(), k.origin(), k.asker(),
              byCase.getOrDefault(k.id(), List.of()), k.status(), k.reviewer(), k.answer(),
              k.createdAt(), k.updatedAt(), k.remindedAt(), k.handedOverAt(), k.purgedAt()));
    }
    return out;
  }

  private static Map<String, List<CaseClause>> clausesOf(Connection c, Collection<String> ids)
      throws SQLException {
    Map<String, List<CaseClause>> out = new LinkedHashMap<>();
    String marks = ids.stream().map(x -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT case_id, policy, clause_id, title, section, link, clause_text FROM case_clauses"
                + " WHERE case_id IN (" + marks + ") ORDER BY case_id, ordinal")) {
      int i = 1;
      for (String id : ids) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new CaseClause(
                      rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                      rs.getString(6), rs.getString(7)));
        }
      }
    }
    return out;
  }

  /** How a {@link ReplyTo} is kept in three text columns. */
  private record ReplyColumns(String kind, String address, String thread) {
    static ReplyColumns of(ReplyTo replyTo) {
      if (replyTo instanceof ReplyTo.Thread t) {
        return new ReplyColumns("THREAD", t.channel(), t.threadTs());
      }
      if (replyTo instanceof ReplyTo.Channel ch) {
        return new ReplyColumns("CHANNEL", ch.channel(), "");
      }
      if (replyTo instanceof ReplyTo.DirectMessage dm) {
        return new ReplyColumns("DM", dm.conversation(), "");
      }
      return new ReplyColumns("WEB", ((ReplyTo.WebSession) replyTo).sessionId(), "");
    }

    ReplyTo replyTo() {
      return switch (kind) {
        case "THREAD" -> new ReplyTo.Thread(address, thread);
        case "CHANNEL" -> new ReplyTo.Channel(address);
        case "DM" -> new ReplyTo.DirectMessage(address);
        case "WEB" -> new ReplyTo.WebSession(address);
        default -> throw new IllegalStateException("unknown reply kind in the database: " + kind);
      };
    }
  }
}
