package policybot.admin;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import policybot.store.Store;

/**
 * Reviewers' signed-in sessions on the web. The browser holds a random session id in a cookie;
 * the database keeps only its SHA-256, so a copy of the database cannot be used to sign in. Each
 * session has its own CSRF token, which every form of the session carries.
 */
public final class AdminSessions {

  /** A school day with room either side: signed in at breakfast, still in after the evening's marking. */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  /** Longest session id looked up; ours are 43 characters, so anything longer is not one. */
  private static final int MAX_ID_LENGTH = 100;

  private final Store store;
  private final Clock clock;

  public AdminSessions(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A signed-in reviewer: who, the CSRF token their forms carry, and when the session ends. */
  public record Session(String userId, String csrfToken, Instant expiresAt) {
    public Session {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(csrfToken, "csrfToken");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether {@code token} is this session's CSRF token, compared in constant time. */
    public boolean csrfMatches(String token) {
      return token != null
          && MessageDigest.isEqual(
              csrfToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A session just created: the secret id for the cookie (never stored) and the session. */
  public record Created(String sessionId, Session session) {}

  /** Starts a session for {@code userId}, committed before it returns. */
  public Created create(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    String id = SignInLinks.newSecret();
    String csrf = SignInLinks.newSecret();
    long now = clock.millis();
    Instant expires = Instant.ofEpochMilli(now).plus(SESSION_LIFETIME);
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO admin_sessions (session_hash, user_id, csrf_token, created_at, expires_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, SignInLinks.hash(id));
            ps.setString(2, userId.strip());
            ps.setString(3, csrf);
            ps.setLong(4, now);
            ps.setLong(5, expires.toEpochMilli());
            return ps.executeUpdate();
          }
        });
    return new Created(id, new Session(userId.strip(), csrf, expires));
  }

  /** The live session with this id; empty if unknown, ended or expired. */
  public Optional<Session> find(String sessionId) {
    if (sessionId == null || sessionId.isBlank() || sessionId.length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    long now = clock.millis();
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT user_id, csrf_token, expires_at FROM admin_sessions"
                      + " WHERE session_hash = ? AND expires_at > ?")) {
            ps.setString(1, SignInLinks.hash(sessionId));
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Session(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                  : Optional.empty();
            }
          }
        });
  }

  /** Ends a session (signing out); also sweeps sessions and links that expired, which are useless. */
  public void end(String sessionId) {
    long now = clock.millis();
    store.write(
        c -> {
          if (sessionId != null && sessionId.length() <= MAX_ID_LENGTH) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_sessions WHERE session_hash = ?")) {
              ps.setString(1, SignInLinks.hash(sessionId));
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_sessions WHERE expires_at <= ?")) {
            ps.setLong(1, now);
            ps.executeUpdate();
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM sign_in_links WHERE expires_at <= ?")) {
            ps.setLong(1, now);
            return ps.executeUpdate();
          }
        });
  }
}
