package policybot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.Store;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

class SignInLinksTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2026-01-13T10:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_redeem_a_fresh_token_for_the_user_it_was_issued_to(Db db) {
    SignInLinks links = new SignInLinks(stores.open(db), clock);

    String token = links.issue("U-HEAD");

    assertThat(links.redeem(token)).contains("U-HEAD");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_redeem_a_token_only_once(Db db) {
    SignInLinks links = new SignInLinks(stores.open(db), clock);
    String token = links.issue("U-HEAD");

    assertThat(links.redeem(token)).contains("U-HEAD");
    assertThat(links.redeem(token)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_not_redeem_a_token_once_its_ten_minutes_are_up(Db db) {
    SignInLinks links = new SignInLinks(stores.open(db), clock);
    String stillGood = links.issue("U-HEAD");
    String late = links.issue("U-HEAD");

    clock.advance(SignInLinks.LINK_LIFETIME.minusSeconds(1));
    assertThat(links.redeem(stillGood)).contains("U-HEAD");
    clock.advance(Duration.ofSeconds(1));

    assertThat(links.redeem(late)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_not_redeem_unknown_blank_or_overlong_tokens(Db db) {
    SignInLinks links = new SignInLinks(stores.open(db), clock);
    links.issue("U-HEAD");

    assertThat(links.redeem(SignInLinks.newSecret())).isEmpty();
    assertThat(links.redeem("")).isEmpty();
    assertThat(links.redeem(null)).isEmpty();
    assertThat(links.redeem("x".repeat(500))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_store_only_the_hash_of_the_token(Db db) {
    Store store = stores.open(db);
    SignInLinks links = new SignInLinks(store, clock);

    String token = links.issue("U-HEAD");

    String stored =
        store.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM sign_in_links");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(stored).isEqualTo(SignInLinks.hash(token)).isNotEqualTo(token);
  }

  @Test
  void should_build_the_link_under_the_base_url_with_or_without_a_trailing_slash() {
    assertThat(SignInLinks.url("https://bot.school.test/", "abc"))
        .isEqualTo("https://bot.school.test/admin/sign-in?token=abc");
    assertThat(SignInLinks.url("https://bot.school.test", "abc"))
        .isEqualTo("https://bot.school.test/admin/sign-in?token=abc");
  }

  @Test
  void should_refuse_to_issue_for_a_blank_user() {
    SignInLinks links = new SignInLinks(stores.open(Db.SQLITE), clock);

    assertThatThrownBy(() -> links.issue(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
