package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static policybot.escalation.Fixtures.DEPUTY;
import static policybot.escalation.Fixtures.DSL;
import static policybot.escalation.Fixtures.HEAD;
import static policybot.escalation.Fixtures.REVIEWERS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import policybot.answer.EscalationReason;

class OverdueTest {

  private final Overdue rule = Overdue.defaults();

  @Test
  void should_give_a_question_asked_on_a_weekday_until_the_same_time_next_working_day() {
    // Tuesday 10:00 in London (GMT in winter)
    assertThat(rule.deadline(Instant.parse("2026-01-13T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-14T10:00:00Z"));
  }

  @Test
  void should_skip_the_weekend_for_a_question_asked_on_friday_afternoon() {
    assertThat(rule.deadline(Instant.parse("2026-01-16T15:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-19T15:00:00Z"));
  }

  @Test
  void should_start_the_clock_on_monday_for_a_question_asked_at_the_weekend() {
    assertThat(rule.deadline(Instant.parse("2026-01-17T11:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-20T00:00:00Z"));
  }

  @Test
  void should_count_weekends_in_the_schools_time_zone() {
    // Friday 23:30 in London is Saturday 00:30 in Berlin (CET, an hour ahead)
    Instant lateFriday = Instant.parse("2026-01-16T23:30:00Z");
    Overdue berlin = new Overdue(Overdue.DEFAULT_AFTER, java.time.ZoneId.of("Europe/Berlin"));

    assertThat(rule.deadline(lateFriday)).isEqualTo(Instant.parse("2026-01-19T23:30:00Z"));
    // Berlin starts counting on Monday 00:00 local, so it is due at Tuesday 00:00 local
    assertThat(berlin.deadline(lateFriday)).isEqualTo(Instant.parse("2026-01-19T23:00:00Z"));
  }

  @Test
  void should_take_a_configured_period_in_working_hours() {
    Overdue fourHours = new Overdue(Duration.ofHours(4), Overdue.DEFAULT_ZONE);

    assertThat(fourHours.deadline(Instant.parse("2026-01-16T22:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-19T02:00:00Z"));
  }

  @Test
  void should_do_nothing_before_the_deadline_then_remind_the_reviewer() {
    Case filed = open(CaseKind.QUESTION, HEAD, "2026-01-13T10:00:00Z", null, null);

    assertThat(rule.next(filed, REVIEWERS, Instant.parse("2026-01-14T09:59:59Z"))).isEmpty();
    assertThat(rule.next(filed, REVIEWERS, Instant.parse("2026-01-14T10:00:00Z")))
        .contains(new Nudge.Remind(filed, HEAD));
  }

  @Test
  void should_hand_a_reminded_case_to_the_deputy_a_working_day_after_the_reminder() {
    Case reminded = open(CaseKind.QUESTION, HEAD, "2026-01-13T10:00:00Z", "2026-01-14T10:05:00Z", null);

    assertThat(rule.next(reminded, REVIEWERS, Instant.parse("2026-01-15T10:04:00Z"))).isEmpty();
    assertThat(rule.next(reminded, REVIEWERS, Instant.parse("2026-01-15T10:05:00Z")))
        .contains(new Nudge.HandOver(reminded, HEAD, DEPUTY));
  }

  @Test
  void should_do_nothing_more_once_handed_over_or_answered() {
    Instant muchLater = Instant.parse("2026-03-01T10:00:00Z");
    Case handed =
        open(CaseKind.QUESTION, DEPUTY, "2026-01-13T10:00:00Z", "2026-01-14T10:00:00Z", "2026-01-15T10:00:00Z");
    Case answered = withStatus(open(CaseKind.QUESTION, HEAD, "2026-01-13T10:00:00Z", null, null), CaseStatus.ANSWERED);

    assertThat(rule.next(handed, REVIEWERS, muchLater)).isEmpty();
    assertThat(rule.next(answered, REVIEWERS, muchLater)).isEmpty();
  }

  @Test
  void should_remind_the_dsl_but_never_hand_a_safeguarding_case_to_the_deputy() {
    Case filed = open(CaseKind.SAFEGUARDING, DSL, "2026-01-13T10:00:00Z", null, null);
    Case reminded = open(CaseKind.SAFEGUARDING, DSL, "2026-01-13T10:00:00Z", "2026-01-14T10:00:00Z", null);
    Instant muchLater = Instant.parse("2026-03-01T10:00:00Z");

    assertThat(rule.next(filed, REVIEWERS, muchLater)).contains(new Nudge.Remind(filed, DSL));
    assertThat(rule.next(reminded, REVIEWERS, muchLater)).isEmpty();
  }

  static Case open(CaseKind kind, String reviewer, String created, String reminded, String handed) {
    return new Case(
        "case-1",
        Fixtures.SCHOOL,
        kind,
        "Can I use my phone on the trip?",
        kind == CaseKind.QUESTION ? Optional.of(EscalationReason.LOW_CONFIDENCE) : Optional.empty(),
        Origin.ENGINE,
        Fixtures.teacher(),
        List.of(),
        CaseStatus.OPEN,
        reviewer,
        Optional.empty(),
        Instant.parse(created),
        Instant.parse(created),
        Optional.ofNullable(reminded).map(Instant::parse),
        Optional.ofNullable(handed).map(Instant::parse),
        Optional.empty());
  }

  static Case withStatus(Case c, CaseStatus status) {
    return new Case(
        c.id(), c.school(), c.kind(), c.question(), c.reason(), c.origin(), c.asker(), c.clauses(),
        status, c.reviewer(), c.answer(), c.createdAt(), c.updatedAt(), c.remindedAt(),
        c.handedOverAt(), c.purgedAt());
  }
}
