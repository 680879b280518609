package policybot.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import policybot.index.LiveIndex;
import policybot.corpus.PolicyMeta;
import policybot.corpus.School;
import policybot.escalation.Case;
import policybot.escalation.CaseKind;
import policybot.escalation.Cases;
import policybot.escalation.Reviewers;
import policybot.index.ClauseIndex;
import policybot.store.Feedback;

/**
 * What a school's policies should cover at their next review: the questions they did not settle
 * (escalated cases, answers marked "Not helpful") grouped by topic, and the policies past their
 * review date.
 */
final class Gaps {

  /**
   * Most recent questions of each source grouped per school. Embedding one takes ~4 ms, so this
   * bounds the page at a few seconds even on a first visit; older questions add little.
   */
  static final int MAX_QUESTIONS_PER_SOURCE = 500;

  /** Example questions shown per topic: enough to see what it is about. */
  static final int EXAMPLES = 3;

  private final Feedback feedback;
  private final Cases cases;
  private final LiveIndex index;
  private final Clock clock;

  Gaps(Feedback feedback, Cases cases, LiveIndex index, Clock clock) {
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.index = Objects.requireNonNull(index, "index");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One topic: how many questions it holds and a few distinct examples. */
  record Topic(int count, List<String> examples) {}

  /** One school's report. */
  record SchoolGaps(
      String school, String name, int escalated, int notHelpful, List<Topic> topics, List<PolicyMeta> overduePolicies) {}

  /** The policies are still loading: the embedder and the review dates come with them. */
  static final class NotReady extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** The report for each of {@code schools}, over the cases {@code user} may see. */
  List<SchoolGaps> report(String user, List<Reviewers> schools) throws NotReady {
    Optional<ClauseIndex> current = index.current();
    if (current.isEmpty()) {
      throw new NotReady();
    }
    TopicClusters clusters = new TopicClusters(current.get().embedder()::embedQuery);
    LocalDate today = LocalDate.now(clock);
    List<Case> visible = cases.visibleTo(user);
    List<SchoolGaps> out = new ArrayList<>();
    for (Reviewers r : schools) {
      List<String> escalated =
          visible.stream()
              .filter(k -> k.school().equals(r.school()) && k.kind() == CaseKind.QUESTION)
              .filter(k -> k.purgedAt().isEmpty() && !k.question().isBlank())
              .limit(MAX_QUESTIONS_PER_SOURCE)
              .map(Case::question)
              .toList();
      List<String> notHelpful = feedback.questions(r.school(), Feedback.Choice.NOT_HELPFUL, MAX_QUESTIONS_PER_SOURCE);
      List<String> all = new ArrayList<>(escalated);
      all.addAll(notHelpful);
      List<Topic> topics =
          clusters.group(all).stream()
              .map(t -> new Topic(t.size(), new LinkedHashSet<>(t.questions()).stream().limit(EXAMPLES).toList()))
              .toList();
      Optional<School> school = current.get().corpus().school(r.school());
      List<PolicyMeta> overdue =
          school.map(s -> s.policies().stream().filter(p -> p.overdueOn(today)).toList()).orElse(List.of());
      out.add(
          new SchoolGaps(
              r.school(), school.map(School::name).orElse(r.school()), escalated.size(), notHelpful.size(), topics, overdue));
    }
    return out;
  }
}
