package policybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.Feedback.Choice;
import policybot.store.Feedback.Click;
import policybot.store.TestStores.Db;

class FeedbackTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_record_each_press_once_and_count_them_per_button(Db db) {
    Feedback feedback = new Feedback(stores.open(db), clock);

    assertThat(feedback.record(click("a1", "U1", Choice.HELPFUL))).isTrue();
    assertThat(feedback.record(click("a1", "U1", Choice.HELPFUL))).as("redelivered").isFalse();
    feedback.record(click("a2", "U2", Choice.HELPFUL));
    feedback.record(click("a3", "U3", Choice.ASK_HEAD));

    assertThat(feedback.counts("oakfield", Instant.EPOCH))
        .containsEntry(Choice.HELPFUL, 2L)
        .containsEntry(Choice.NOT_HELPFUL, 0L)
        .containsEntry(Choice.ASK_HEAD, 1L);
    assertThat(feedback.counts("elsewhere", Instant.EPOCH)).containsEntry(Choice.HELPFUL, 0L);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_give_a_persons_latest_verdict_on_an_answer_and_ignore_ask_head(Db db) {
    Feedback feedback = new Feedback(stores.open(db), clock);
    feedback.record(click("k1", "U1", Choice.HELPFUL));
    clock.advance(java.time.Duration.ofMinutes(1));
    feedback.record(click("k2", "U1", Choice.NOT_HELPFUL));
    clock.advance(java.time.Duration.ofMinutes(1));
    feedback.record(click("k3", "U1", Choice.ASK_HEAD));

    assertThat(feedback.verdictOf("slack", "1700000000.000100", "U1")).contains(Choice.NOT_HELPFUL);
    assertThat(feedback.verdictOf("slack", "1700000000.000100", "U2")).isEmpty();
    assertThat(feedback.verdictOf("web", "1700000000.000100", "U1")).isEmpty();
  }

  static Click click(String key, String user, Choice choice) {
    return new Click(key, "oakfield", "1700000000.000100", "Can I use my phone?", "slack", user, choice);
  }
}
