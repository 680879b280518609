package policybot.answer;

import java.util.List;
import java.util.Optional;
import policybot.index.Hit;

/**
 * Decides whether the best clause really answers a question, from named signals: how close the
 * question and the clause are in meaning (embedding cosine), and whether keyword search and
 * embedding search independently put the same clause first. (The share of the question's words
 * found in the clause was tried as a third signal; on the development set it did not separate
 * answerable from unanswerable questions.) Thresholds were tuned with {@code policybot eval}.
 */
record Confidence(double cosine, Optional<EscalationReason> escalate) {

  /** Cosine at or above which the top clause is taken to answer the question. */
  static final double STRONG_COSINE = 0.44;

  /** A slightly lower cosine is enough when keyword and embedding search agree on the top clause. */
  static final double AGREED_COSINE = 0.42;

  /** Below this cosine nothing in the school's policies is on the question's topic at all. */
  static final double OFF_TOPIC_COSINE = 0.30;

  /** A second clause scoring at least this share of the first counts as equally strong. */
  static final double DISAGREEMENT_SCORE_SHARE = 0.97;

  static Confidence assess(List<Hit> hits) {
    if (hits.isEmpty()) {
      return new Confidence(0, Optional.of(EscalationReason.NO_CLAUSE_COVERS_IT));
    }
    Hit top = hits.get(0);
    // the closest of the cited clauses: a question can be answered by the second clause shown
    double cosine = hits.stream().mapToDouble(Hit::cosine).max().orElse(-1);
    boolean agreed = top.bm25Rank() == 1 && top.vectorRank() == 1;
    boolean answered = cosine >= STRONG_COSINE || (agreed && cosine >= AGREED_COSINE);
    Optional<EscalationReason> reason = Optional.empty();
    if (!answered) {
      reason = Optional.of(cosine < OFF_TOPIC_COSINE ? EscalationReason.NO_CLAUSE_COVERS_IT : EscalationReason.LOW_CONFIDENCE);
    }
    return new Confidence(cosine, reason);
  }
}
