package policybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.TestStores.Db;

class DedupTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_see_an_event_first_once_and_recognise_its_redelivery(Db db) {
    Dedup dedup = new Dedup(stores.open(db), clock);

    assertThat(dedup.firstSeen("slack-event", "Ev0001")).isTrue();
    assertThat(dedup.firstSeen("slack-event", "Ev0001")).isFalse();
    assertThat(dedup.firstSeen("web-message", "Ev0001")).as("another source's key").isTrue();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_remember_events_across_a_restart(Db db) {
    String url = stores.freshUrl(db);
    Store before = stores.reopen(url);
    new Dedup(before, clock).firstSeen("slack-event", "Ev0002");
    before.close();

    Dedup after = new Dedup(stores.reopen(url), clock);

    assertThat(after.firstSeen("slack-event", "Ev0002")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_forget_old_events_only(Db db) {
    Dedup dedup = new Dedup(stores.open(db), clock);
    dedup.firstSeen("slack-event", "old");
    clock.advance(Duration.ofDays(2));
    dedup.firstSeen("slack-event", "new");

    int forgotten = dedup.forgetBefore(clock.instant().minus(Duration.ofDays(1)));

    assertThat(forgotten).isEqualTo(1);
    assertThat(dedup.firstSeen("slack-event", "old")).isTrue();
    assertThat(dedup.firstSeen("slack-event", "new")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_take_a_key_again_once_forgotten_and_leave_other_keys_alone(Db db) {
    Dedup dedup = new Dedup(stores.open(db), clock);
    dedup.firstSeen("slack", "event:Ev1");
    dedup.firstSeen("slack", "event:Ev2");
    dedup.firstSeen("web", "event:Ev1");

    assertThat(dedup.forget("slack", "event:Ev1")).isTrue();
    assertThat(dedup.forget("slack", "event:Ev1")).as("already forgotten").isFalse();

    assertThat(dedup.firstSeen("slack", "event:Ev1")).isTrue();
    assertThat(dedup.firstSeen("slack", "event:Ev2")).isFalse();
    assertThat(dedup.firstSeen("web", "event:Ev1")).as("another source's key").isFalse();
  }
}
