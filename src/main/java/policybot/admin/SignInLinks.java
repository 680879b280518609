package policybot.admin;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import policybot.corpus.CorpusLoader;
import policybot.store.Store;

/**
 * Single-use sign-in links for reviewers: no passwords. A link is issued to a user id (sent to
 * them by Slack DM, or printed by {@code policybot admin-link} for first setup), and redeemed once,
 * within {@link #LINK_LIFETIME}, for that user id.
 */
public final class SignInLinks {

  /** A link sent by DM is used within minutes or not at all; short-lived limits a leaked link. */
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

  /** The path the link opens; the token goes in the {@code token} query parameter. */
  public static final String PATH = "/admin/sign-in";

  /** 32 random bytes: far beyond guessing, and URL-safe once encoded. */
  private static final int TOKEN_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Clock clock;

  public SignInLinks(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Issues a new token for {@code userId}; committed before it returns. */
  public String issue(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    String token = newSecret();
    long now = clock.millis();
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sign_in_links (token_hash, user_id, created_at, expires_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, userId.strip());
            ps.setLong(3, now);
            ps.setLong(4, now + LINK_LIFETIME.toMillis());
            return ps.executeUpdate();
          }
        });
    return token;
  }

  /** The full link for {@code token} under the server's public base URL. */
  public static String url(String baseUrl, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + PATH + "?token=" + token;
  }

  /**
   * Redeems {@code token}: the user id it was issued to, if it is known, unexpired and unused. It
   * is marked used in the same transaction, so two tabs racing on one link get one session.
   */
  public Optional<String> redeem(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    long now = clock.millis();
    String h = hash(token);
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE sign_in_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                      + " AND expires_at > ?")) {
            ps.setLong(1, now);
            ps.setString(2, h);
            ps.setLong(3, now);
            if (ps.executeUpdate() == 0) {
              return Optional.empty();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT user_id FROM sign_in_links WHERE token_hash = ?")) {
            ps.setString(1, h);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** A fresh random secret, URL-safe. */
  static String newSecret() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 hex of a secret: what the database keeps instead of the secret. */
  static String hash(String secret) {
    return CorpusLoader.sha256(secret.getBytes(StandardCharsets.UTF_8));
  }
}
