package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.answer.Verdict;
import policybot.chat.ChatService.Outcome;

class SlackLedgerTest {
  @TempDir Path dir;

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void should_drop_what_is_past_its_keeping_time_on_open() {
    try (SlackLedger ledger = SlackLedger.open(dir, clock(NOW))) {
      ledger.saveAnswer(dm("U1"), answer("a1"));
    }
    try (SlackLedger later = SlackLedger.open(dir, clock(NOW.plus(SlackLedger.QUESTIONS_KEPT).plus(Duration.ofDays(1))))) {
      assertThat(later.answer("a1")).isEmpty();
    }
  }

  @Test
  void should_give_a_waiting_question_only_to_its_asker_and_only_once() {
    try (SlackLedger ledger = SlackLedger.open(dir, clock(NOW))) {
      Asked asked = new Asked("T1", "U1", "D1", null, "1.2", Asked.Surface.DIRECT, "can I?", null);
      String id = ledger.savePending(asked);

      assertThat(ledger.takePending(id, "U2")).isEmpty();
      assertThat(ledger.takePending(id, "U1")).contains(asked);
      assertThat(ledger.takePending(id, "U1")).isEmpty();
    }
  }

  @Test
  void should_list_a_persons_answers_newest_first_with_their_head_requests() {
    try (SlackLedger ledger = SlackLedger.open(dir, clock(NOW))) {
      ledger.saveAnswer(dm("U1"), answer("a1"));
      ledger.saveAnswer(dm("U1"), answer("a2"));
      ledger.saveAnswer(dm("U2"), answer("a3"));

      assertThat(ledger.recent("T1", "U1", 10)).extracting(SlackLedger.StoredAnswer::id).containsExactly("a2", "a1");
      assertThat(ledger.recent("T1", "U1", 10).get(0).asked()).isEqualTo(new Asked("T1", "U1", "DU1", null, null, Asked.Surface.DIRECT, "can I?", null));
      assertThat(ledger.requestHead("a2", "U1", "T1", "glais")).isTrue();
      assertThat(ledger.requestHead("a2", "U1", "T1", "glais")).isFalse();
      assertThat(ledger.headRequest("a2", "U1")).contains(java.util.Optional.empty());
      ledger.caseFiled("a2", "U1", "case-1");
      assertThat(ledger.headRequest("a2", "U1")).contains(java.util.Optional.of("case-1"));
    }
  }

  static SlackAnswer answer(String id) {
    return new SlackAnswer(id, "glais", Outcome.GROUNDED, Verdict.YES, "Yes.", "can I?", List.of(), List.of(), "", null, List.of());
  }

  /** A top-level DM question, as the ledger keeps where it was asked. */
  static Asked dm(String user) {
    return new Asked("T1", user, "D" + user, null, null, Asked.Surface.DIRECT, "can I?", null);
  }

  static Clock clock(Instant at) {
    return Clock.fixed(at, ZoneOffset.UTC);
  }
}
