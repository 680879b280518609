package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static policybot.escalation.CaseStatus.ANSWERED;
import static policybot.escalation.CaseStatus.CLOSED;
import static policybot.escalation.CaseStatus.DISMISSED;
import static policybot.escalation.CaseStatus.OPEN;

import org.junit.jupiter.api.Test;

class CaseStatusTest {

  @Test
  void should_let_an_open_case_be_answered_closed_or_dismissed() {
    assertThat(OPEN.next()).containsExactlyInAnyOrder(ANSWERED, CLOSED, DISMISSED);
  }

  @Test
  void should_let_an_answered_case_be_reopened_or_closed_but_not_dismissed() {
    assertThat(ANSWERED.next()).containsExactlyInAnyOrder(OPEN, CLOSED);
    assertThat(ANSWERED.canMoveTo(DISMISSED)).isFalse();
  }

  @Test
  void should_only_reopen_a_dismissed_case_and_never_move_a_closed_one() {
    assertThat(DISMISSED.next()).containsExactly(OPEN);
    assertThat(CLOSED.next()).isEmpty();
  }

  @Test
  void should_never_move_a_case_to_the_status_it_has() {
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(s.canMoveTo(s)).as(s.name()).isFalse();
    }
  }
}
