package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.Dedup;
import policybot.store.Store;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

/** Slack's deliveries already taken live in the shared store, so instances and restarts agree. */
class SeenDeliveriesTest {
  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_take_a_delivery_once_even_from_another_instance_or_after_a_restart(Db db) {
    String url = stores.freshUrl(db);
    Store one = stores.reopen(url);
    Store two = stores.reopen(url);
    SeenDeliveries first = new SeenDeliveries(new Dedup(one, clock));
    SeenDeliveries second = new SeenDeliveries(new Dedup(two, clock));

    assertThat(first.firstTime(List.of("event:Ev1", "message:T1:m1"))).isTrue();
    assertThat(second.firstTime(List.of("event:Ev1"))).as("the retry, at another instance").isFalse();
    assertThat(second.firstTime(List.of("event:Ev2", "message:T1:m1"))).as("same message, new event id").isFalse();

    one.close();
    SeenDeliveries restarted = new SeenDeliveries(new Dedup(stores.reopen(url), clock));
    assertThat(restarted.firstTime(List.of("event:Ev1"))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_take_a_delivery_again_once_forgotten(Db db) {
    SeenDeliveries seen = new SeenDeliveries(new Dedup(stores.open(db), clock));
    seen.firstTime(List.of("event:Ev1", "message:T1:m1"));

    seen.forget(List.of("event:Ev1", "message:T1:m1"));

    assertThat(seen.firstTime(List.of("event:Ev1", "message:T1:m1"))).isTrue();
  }
}
