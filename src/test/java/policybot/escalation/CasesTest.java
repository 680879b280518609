package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static policybot.escalation.Fixtures.DEPUTY;
import static policybot.escalation.Fixtures.DSL;
import static policybot.escalation.Fixtures.HEAD;
import static policybot.escalation.Fixtures.REVIEWERS;
import static policybot.escalation.Fixtures.SCHOOL;
import static policybot.escalation.Fixtures.TEACHER;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.answer.Answer;
import policybot.answer.EscalationReason;
import policybot.answer.Verdict;
import policybot.store.Store;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

class CasesTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  // a Tuesday
  private final TestClock clock = TestClock.at("2026-01-13T10:00:00Z");

  private Store store;

  private Cases cases(Db db) {
    store = stores.open(db);
    new Roster(store, clock).put(REVIEWERS);
    return new Cases(store, clock);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_file_a_question_for_the_head_with_the_nearest_clauses_and_the_reason(Db db) {
    Cases cases = cases(db);

    Filing filing = cases.file(Fixtures.question("slack:Ev1", "Can I give a pupil a lift home?"));

    assertThat(filing).isInstanceOf(Filing.Created.class);
    Case filed = ((Filing.Created) filing).filed();
    assertThat(cases.find(filed.id())).contains(filed);
    assertThat(filed.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(filed.reviewer()).isEqualTo(HEAD);
    assertThat(filed.reason()).contains(EscalationReason.LOW_CONFIDENCE);
    assertThat(filed.asker()).isEqualTo(Fixtures.teacher());
    assertThat(filed.createdAt()).isEqualTo(clock.instant());
    assertThat(filed.clauses())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.text()).startsWith("Staff must not use personal mobile phones");
              assertThat(k.section()).isEqualTo("E. Safeguarding of Children > Use of Mobile Phones");
              assertThat(k.link()).endsWith("#personal-phones-3f2a");
              assertThat(k.policy()).isEqualTo("mobile-phones");
            });
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_return_the_case_already_filed_when_a_request_is_retried(Db db) {
    Cases cases = cases(db);
    Case first = ((Filing.Created) cases.file(Fixtures.question("web:req-7", "Can I wear jeans?"))).filed();

    Filing retry = cases.file(Fixtures.question("web:req-7", "Can I wear jeans?"));

    assertThat(retry).isEqualTo(new Filing.Repeated(first));
    assertThat(cases.visibleTo(HEAD)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_file_one_case_when_the_same_request_arrives_from_several_threads_at_once(Db db)
      throws Exception {
    Cases cases = cases(db);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Filing>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        Callable<Filing> file = () -> cases.file(Fixtures.question("slack:retry-storm", "Can I wear jeans?"));
        results.add(pool.submit(file));
      }
      List<Filing> filings = new ArrayList<>();
      for (Future<Filing> f : results) {
        filings.add(f.get(30, TimeUnit.SECONDS));
      }

      assertThat(filings).filteredOn(f -> f instanceof Filing.Created).hasSize(1);
      assertThat(filings)
          .extracting(f -> f instanceof Filing.Created c ? c.filed().id() : ((Filing.Repeated) f).filed().id())
          .containsOnly(cases.visibleTo(HEAD).get(0).id());
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_file_nothing_for_a_school_without_reviewers(Db db) {
    Cases cases = cases(db);
    CaseRequest elsewhere =
        CaseRequest.askHead("k1", "riverside", "Can I wear jeans?", Fixtures.teacher(), Origin.API, List.of());

    assertThat(cases.file(elsewhere)).isEqualTo(new Filing.NoReviewers("riverside"));
    assertThat(cases.askedBy(Platform.SLACK, TEACHER, 10)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_send_safeguarding_to_the_dsl_alone_and_hide_it_from_everyone_else(Db db) {
    Cases cases = cases(db);
    Case concern = ((Filing.Created) cases.file(Fixtures.safeguarding("slack:Ev9"))).filed();
    Case question = ((Filing.Created) cases.file(Fixtures.question("slack:Ev10", "Can I wear jeans?"))).filed();

    assertThat(concern.reviewer()).isEqualTo(DSL);
    assertThat(concern.reason()).isEmpty();
    assertThat(cases.visibleTo(DSL)).extracting(Case::id).containsExactly(concern.id());
    for (String other : List.of(HEAD, DEPUTY, TEACHER)) {
      assertThat(cases.visibleTo(other)).extracting(Case::id).doesNotContain(concern.id());
      assertThat(cases.findVisibleTo(other, concern.id())).isEmpty();
      assertThat(cases.history(other, concern.id())).isEmpty();
      assertThat(cases.move(concern.id(), CaseStatus.CLOSED, other, ""))
          .isEqualTo(new StatusChange.NotFound(concern.id()));
    }
    assertThat(cases.askedBy(Platform.SLACK, TEACHER, 10)).extracting(Case::id).containsExactly(question.id());
    assertThat(cases.visibleTo(HEAD)).extracting(Case::id).containsExactly(question.id());
    assertThat(cases.visibleTo(DEPUTY)).extracting(Case::id).containsExactly(question.id());
    assertThat(cases.findVisibleTo(DSL, concern.id())).contains(concern);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_show_a_reviewer_the_cases_of_every_school_they_review_filtered_by_status(Db db) {
    Cases cases = cases(db);
    new Roster(store, clock).put(new Reviewers("riverside", HEAD, "U0OTHER", "U0OTHERDSL"));
    Case here = ((Filing.Created) cases.file(Fixtures.question("a", "Can I wear jeans?"))).filed();
    Case there =
        ((Filing.Created)
                cases.file(CaseRequest.askHead("b", "riverside", "Staff parking?", Fixtures.teacher(), Origin.WEB_BUTTON, List.of())))
            .filed();
    cases.answer(here.id(), HEAD, "Not on teaching days.");

    assertThat(cases.visibleTo(HEAD)).extracting(Case::id).containsExactlyInAnyOrder(here.id(), there.id());
    assertThat(cases.visibleTo(HEAD, EnumSet.of(CaseStatus.OPEN), 50)).extracting(Case::id).containsExactly(there.id());
    assertThat(cases.visibleTo(DEPUTY)).extracting(Case::id).containsExactly(here.id());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_record_who_changed_a_case_when_and_from_which_status_to_which(Db db) {
    Cases cases = cases(db);
    Case filed = ((Filing.Created) cases.file(Fixtures.question("k", "Can I wear jeans?"))).filed();
    clock.advance(Duration.ofHours(2));
    Instant answeredAt = clock.instant();

    StatusChange answered = cases.answer(filed.id(), HEAD, "Yes, on non-uniform days.");
    clock.advance(Duration.ofHours(1));
    StatusChange closed = cases.move(filed.id(), CaseStatus.CLOSED, DEPUTY, "asker satisfied");

    assertThat(answered).isInstanceOf(StatusChange.Changed.class);
    Case after = ((StatusChange.Changed) closed).updated();
    assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(after.answer()).contains("Yes, on non-uniform days.");
    assertThat(cases.history(HEAD, filed.id()))
        .containsExactly(
            new AuditEntry(filed.id(), filed.createdAt(), TEACHER, Optional.empty(), CaseStatus.OPEN, "filed via engine, sent to " + HEAD),
            new AuditEntry(filed.id(), answeredAt, HEAD, Optional.of(CaseStatus.OPEN), CaseStatus.ANSWERED, "answered"),
            new AuditEntry(filed.id(), clock.instant(), DEPUTY, Optional.of(CaseStatus.ANSWERED), CaseStatus.CLOSED, "asker satisfied"));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_refuse_a_move_the_current_status_does_not_allow_and_log_nothing(Db db) {
    Cases cases = cases(db);
    Case filed = ((Filing.Created) cases.file(Fixtures.question("k", "Can I wear jeans?"))).filed();
    cases.move(filed.id(), CaseStatus.CLOSED, HEAD, "");

    StatusChange reopen = cases.move(filed.id(), CaseStatus.OPEN, HEAD, "");
    StatusChange answer = cases.answer(filed.id(), HEAD, "Too late");

    assertThat(reopen).isInstanceOf(StatusChange.NotAllowed.class);
    assertThat(((StatusChange.NotAllowed) answer).current().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(cases.find(filed.id()).orElseThrow().answer()).isEmpty();
    assertThat(cases.history(HEAD, filed.id())).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_not_let_the_asker_or_a_stranger_change_a_case(Db db) {
    Cases cases = cases(db);
    Case filed = ((Filing.Created) cases.file(Fixtures.question("k", "Can I wear jeans?"))).filed();

    assertThat(cases.answer(filed.id(), TEACHER, "Yes")).isEqualTo(new StatusChange.NotFound(filed.id()));
    assertThat(cases.move("no-such-case", CaseStatus.CLOSED, HEAD, "")).isEqualTo(new StatusChange.NotFound("no-such-case"));
    assertThat(cases.find(filed.id()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_remind_the_head_once_then_hand_an_unanswered_case_to_the_deputy(Db db) {
    Cases cases = cases(db);
    Case filed = ((Filing.Created) cases.file(Fixtures.question("k", "Can I wear jeans?"))).filed();
    Case concern = ((Filing.Created) cases.file(Fixtures.safeguarding("s"))).filed();
    Overdue rule = Overdue.defaults();

    assertThat(cases.sweepOverdue(rule)).isEmpty();
    clock.advance(Duration.ofDays(1));
    List<Nudge> first = cases.sweepOverdue(rule);
    List<Nudge> again = cases.sweepOverdue(rule);
    clock.advance(Duration.ofDays(1));
    List<Nudge> second = cases.sweepOverdue(rule);
    clock.advance(Duration.ofDays(7));
    List<Nudge> later = cases.sweepOverdue(rule);

    assertThat(first)
        .extracting(n -> n.overdue().id(), n -> n.getClass())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(filed.id(), Nudge.Remind.class),
            org.assertj.core.groups.Tuple.tuple(concern.id(), Nudge.Remind.class));
    assertThat(again).as("a second sweep the same day").isEmpty();
    assertThat(second).singleElement().isInstanceOf(Nudge.HandOver.class);
    Nudge.HandOver handOver = (Nudge.HandOver) second.get(0);
    assertThat(handOver.to()).isEqualTo(DEPUTY);
    assertThat(handOver.overdue().reviewer()).isEqualTo(DEPUTY);
    assertThat(later).isEmpty();
    assertThat(cases.find(concern.id()).orElseThrow().reviewer()).isEqualTo(DSL);
    assertThat(cases.history(DEPUTY, filed.id()))
        .extracting(AuditEntry::actor, AuditEntry::note)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Cases.BOT, "overdue: reminded " + HEAD),
            org.assertj.core.groups.Tuple.tuple(Cases.BOT, "overdue: handed from " + HEAD + " to " + DEPUTY));
  }

  @Test
  void should_file_a_grounded_answer_the_person_still_wants_the_heads_view_on() {
    Answer.Grounded grounded =
        new Answer.Grounded(
            SCHOOL, "Can I use my phone?", Verdict.NO, List.of(Fixtures.phoneCitation()), List.of(), "No.");

    CaseRequest request = CaseRequest.of(grounded, Fixtures.teacher(), Origin.ASK_HEAD_BUTTON, "slack:act-1");

    assertThat(request.kind()).isEqualTo(CaseKind.QUESTION);
    assertThat(request.reason()).contains(EscalationReason.ASKED_FOR_HEAD);
    assertThat(request.clauses()).hasSize(1);
  }

  @Test
  void should_refuse_to_file_a_refused_question_or_a_request_without_a_key() {
    Answer.Refused refused = new Answer.Refused(SCHOOL, "", Answer.Problem.EMPTY, "Please ask a question.");

    assertThatThrownBy(() -> CaseRequest.of(refused, Fixtures.teacher(), Origin.API, "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fixtures.question(" ", "Can I wear jeans?"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idempotencyKey");
  }
}
