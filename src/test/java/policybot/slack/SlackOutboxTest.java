package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.Store;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

/** The outbox on both databases: queued once, retried after failures, sent once, shared by instances. */
class SlackOutboxTest {
  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_queue_one_delivery_per_key(Db db) {
    SlackOutbox outbox = new SlackOutbox(stores.open(db), clock, item -> new SlackOutbox.Failed("down"));

    assertThat(outbox.enqueue("card:c1:filed", SlackOutbox.Kind.CARD, "c1", "U1", "new")).isTrue();
    assertThat(outbox.enqueue("card:c1:filed", SlackOutbox.Kind.CARD, "c1", "U1", "new")).as("told twice").isFalse();

    assertThat(outbox.pending()).isEqualTo(1);
    outbox.close();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_retry_after_growing_waits_and_send_once_when_slack_recovers(Db db) {
    AtomicInteger failuresLeft = new AtomicInteger(2);
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    SlackOutbox outbox =
        new SlackOutbox(
            stores.open(db),
            clock,
            item -> {
              attempts.add(item.attempts());
              return failuresLeft.getAndDecrement() > 0
                  ? new SlackOutbox.Failed("internal_error")
                  : new SlackOutbox.Sent(Optional.of("DU1"), Optional.of("1.000200"));
            });
    outbox.enqueue("card:c1:filed", SlackOutbox.Kind.CARD, "c1", "U1", "new");

    assertThat(outbox.runDue()).isEqualTo(1);
    assertThat(outbox.runDue()).as("not due again before its wait").isZero();
    clock.advance(SlackOutbox.backoff(1));
    assertThat(outbox.runDue()).isEqualTo(1);
    clock.advance(SlackOutbox.backoff(1));
    assertThat(outbox.runDue()).as("the second wait is longer").isZero();
    clock.advance(SlackOutbox.backoff(2).minus(SlackOutbox.backoff(1)));
    assertThat(outbox.runDue()).isEqualTo(1);
    clock.advance(Duration.ofDays(1));

    assertThat(outbox.runDue()).as("sent: never again").isZero();
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(outbox.pending()).isZero();
    assertThat(outbox.sentCards("c1")).containsExactly(new SlackOutbox.SentCard("U1", "DU1", "1.000200"));
    outbox.close();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_deliver_a_row_once_when_two_instances_race_for_it(Db db) throws Exception {
    String url = stores.freshUrl(db);
    Store one = stores.reopen(url);
    Store two = stores.reopen(url);
    List<String> delivered = new CopyOnWriteArrayList<>();
    SlackOutbox.Deliverer slow =
        item -> {
          delivered.add(item.caseId());
          return SlackOutbox.Sent.nowhere();
        };
    SlackOutbox first = new SlackOutbox(one, clock, slow);
    SlackOutbox second = new SlackOutbox(two, clock, slow);
    for (int i = 0; i < 20; i++) {
      first.enqueue("answer:c" + i, SlackOutbox.Kind.ANSWER, "c" + i, "U1", "U0HEAD");
    }

    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<Integer> a = pool.submit(first::runDue);
    Future<Integer> b = pool.submit(second::runDue);
    a.get();
    b.get();
    pool.shutdown();
    first.close();

    assertThat(first.pending()).isZero();
    assertThat(delivered).hasSize(20).doesNotHaveDuplicates();
    first.close();
    second.close();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_give_up_after_the_last_attempt_and_stop_trying(Db db) {
    AtomicInteger tries = new AtomicInteger();
    SlackOutbox outbox =
        new SlackOutbox(stores.open(db), clock, item -> {
          tries.incrementAndGet();
          return new SlackOutbox.Failed("user_not_found");
        });
    outbox.enqueue("card:c1:filed", SlackOutbox.Kind.CARD, "c1", "UGONE", "new");

    for (int i = 0; i < SlackOutbox.MAX_ATTEMPTS + 5; i++) {
      outbox.runDue();
      clock.advance(SlackOutbox.MAX_RETRY);
    }

    assertThat(tries.get()).isEqualTo(SlackOutbox.MAX_ATTEMPTS);
    assertThat(outbox.pending()).isZero();
    outbox.close();
  }

}
