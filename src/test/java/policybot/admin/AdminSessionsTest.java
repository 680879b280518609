package policybot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.Store;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

class AdminSessionsTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2026-01-13T10:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_find_a_session_by_its_id_and_keep_only_its_hash(Db db) {
    Store store = stores.open(db);
    AdminSessions sessions = new AdminSessions(store, clock);

    AdminSessions.Created created = sessions.create("U-HEAD");

    AdminSessions.Session found = sessions.find(created.sessionId()).orElseThrow();
    assertThat(found.userId()).isEqualTo("U-HEAD");
    assertThat(found.csrfMatches(created.session().csrfToken())).isTrue();
    assertThat(found.csrfMatches("wrong")).isFalse();
    assertThat(found.csrfMatches(null)).isFalse();
    String stored =
        store.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement("SELECT session_hash FROM admin_sessions");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(stored).isEqualTo(SignInLinks.hash(created.sessionId()));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_end_a_session_after_its_lifetime_or_on_sign_out(Db db) {
    AdminSessions sessions = new AdminSessions(stores.open(db), clock);
    AdminSessions.Created expiring = sessions.create("U-HEAD");
    AdminSessions.Created signingOut = sessions.create("U-HEAD");

    sessions.end(signingOut.sessionId());
    clock.advance(AdminSessions.SESSION_LIFETIME.minus(Duration.ofMinutes(1)));
    boolean aliveBefore = sessions.find(expiring.sessionId()).isPresent();
    clock.advance(Duration.ofMinutes(1));

    assertThat(aliveBefore).isTrue();
    assertThat(sessions.find(expiring.sessionId())).isEmpty();
    assertThat(sessions.find(signingOut.sessionId())).isEmpty();
    assertThat(sessions.find("no-such-session")).isEmpty();
  }
}
