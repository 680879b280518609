package policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.escalation.Case;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Rulings;
import policybot.escalation.Filing;
import policybot.escalation.Fixtures;
import policybot.escalation.Overdue;
import policybot.escalation.Roster;
import policybot.store.Dedup;
import policybot.store.Retention;
import policybot.store.Store;
import policybot.store.TestClock;

class MaintenanceTest {
  @TempDir Path data;

  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration WAIT_AT_MOST = Duration.ofSeconds(10);

  @Test
  void should_purge_old_cases_forget_old_deliveries_and_record_overdue_reminders_on_its_schedule() throws Exception {
    TestClock clock = TestClock.at("2025-01-06T10:00:00Z");
    try (Store store = Store.open(Store.sqliteUrl(data))) {
      new Roster(store, clock).put(Fixtures.REVIEWERS);
      Cases cases = new Cases(store, clock);
      Dedup dedup = new Dedup(store, clock);
      dedup.firstSeen("slack-event", "Ev-old");
      String old = ((Filing.Created) cases.file(Fixtures.question("old", "Can I take pupils to my house?"))).filed().id();
      clock.advance(Duration.ofDays(40));
      String overdue = ((Filing.Created) cases.file(Fixtures.question("late", "Can I film the nativity?"))).filed().id();
      clock.advance(Duration.ofDays(7));
      Retention retention = new Retention(store, clock, Duration.ofDays(30));
      dedup.firstSeen("slack-event", "Ev-recent");

      try (Maintenance job = new Maintenance(retention, dedup, new Escalations(cases, new Rulings(store, clock), school -> java.util.Map.of()), Overdue.defaults(), Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(50))) {
        Case purged = await(cases, old, c -> c.purgedAt().isPresent());
        Case reminded = await(cases, overdue, c -> c.remindedAt().isPresent());

        assertThat(purged.question()).isEqualTo(Retention.REMOVED);
        assertThat(reminded.question()).isEqualTo("Can I film the nativity?");
        // the purge has run: a 47-day-old delivery id is taken again, today's is still a repeat
        assertThat(dedup.firstSeen("slack-event", "Ev-old")).isTrue();
        assertThat(dedup.firstSeen("slack-event", "Ev-recent")).isFalse();
      }
    }
  }

  private static Case await(Cases cases, String id, Predicate<Case> done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_AT_MOST.toNanos();
    while (System.nanoTime() < deadline) {
      Case c = cases.find(id).orElseThrow();
      if (done.test(c)) {
        return c;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new AssertionError("maintenance did not reach case " + id + " within " + WAIT_AT_MOST);
  }
}
