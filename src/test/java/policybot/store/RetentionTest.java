package policybot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static policybot.escalation.Fixtures.HEAD;
import static policybot.escalation.Fixtures.REVIEWERS;
import static policybot.escalation.Fixtures.SCHOOL;
import static policybot.escalation.Fixtures.TEACHER;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.escalation.Case;
import policybot.escalation.CaseStatus;
import policybot.escalation.Cases;
import policybot.escalation.Filing;
import policybot.escalation.Fixtures;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Roster;
import policybot.store.Feedback.Choice;
import policybot.store.TestStores.Db;

class RetentionTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2025-01-06T10:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_purge_old_questions_and_askers_but_keep_counts_and_recent_cases(Db db) {
    Store store = stores.open(db);
    new Roster(store, clock).put(REVIEWERS);
    Cases cases = new Cases(store, clock);
    Feedback feedback = new Feedback(store, clock);
    Case old = created(cases.file(Fixtures.question("old", "Can I take pupils to my house?")));
    cases.answer(old.id(), HEAD, "No: meet at school.");
    feedback.record(FeedbackTest.click("old-click", TEACHER, Choice.NOT_HELPFUL));
    clock.advance(Duration.ofDays(400));
    Case recent = created(cases.file(Fixtures.question("recent", "Can I film the nativity?")));
    feedback.record(FeedbackTest.click("recent-click", TEACHER, Choice.HELPFUL));
    var countsBefore = cases.counts(SCHOOL);

    Retention.Purged purged = new Retention(store, clock, Retention.DEFAULT_KEEP).purge();

    assertThat(purged).isEqualTo(new Retention.Purged(1, 1));
    Case purgedCase = cases.find(old.id()).orElseThrow();
    assertThat(purgedCase.question()).isEqualTo(Retention.REMOVED);
    assertThat(purgedCase.answer()).contains(Retention.REMOVED);
    assertThat(purgedCase.asker().userId()).isEqualTo(Retention.REMOVED);
    assertThat(purgedCase.asker().displayName()).isEqualTo(Retention.REMOVED);
    assertThat(purgedCase.asker().replyTo())
        .isEqualTo(new ReplyTo.Thread(Retention.REMOVED, Retention.REMOVED));
    assertThat(purgedCase.purgedAt()).contains(clock.instant());
    assertThat(purgedCase.status()).isEqualTo(CaseStatus.ANSWERED);
    assertThat(purgedCase.clauses()).hasSize(1);
    assertThat(cases.history(HEAD, old.id()))
        .extracting(e -> e.actor())
        .containsExactly(Retention.REMOVED, HEAD);
    assertThat(cases.askedBy(Platform.SLACK, TEACHER, 10)).extracting(Case::id).containsExactly(recent.id());
    assertThat(cases.find(recent.id()).orElseThrow().question()).isEqualTo("Can I film the nativity?");
    assertThat(cases.counts(SCHOOL)).isEqualTo(countsBefore);
    assertThat(feedback.counts(SCHOOL, Instant.EPOCH))
        .containsEntry(Choice.NOT_HELPFUL, 1L)
        .containsEntry(Choice.HELPFUL, 1L);
    assertThat(store.<Long>read(c -> StoreTest.count(c, "SELECT COUNT(*) FROM feedback WHERE user_id = '" + TEACHER + "'")))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_do_nothing_more_when_run_again(Db db) {
    Store store = stores.open(db);
    new Roster(store, clock).put(REVIEWERS);
    new Cases(store, clock).file(Fixtures.question("old", "Can I take pupils to my house?"));
    clock.advance(Duration.ofDays(366));
    Retention retention = new Retention(store, clock, Retention.DEFAULT_KEEP);
    retention.purge();

    assertThat(retention.purge()).isEqualTo(new Retention.Purged(0, 0));
  }

  private static Case created(Filing filing) {
    return ((Filing.Created) filing).filed();
  }
}
