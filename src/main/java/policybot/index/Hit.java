package policybot.index;

import java.util.Comparator;
import policybot.corpus.Clause;

/**
 * A clause found for a question.
 *
 * @param clause the clause
 * @param score fused score (reciprocal-rank), higher is better
 * @param bm25Rank 1-based rank in the keyword results, 0 when absent
 * @param vectorRank 1-based rank in the embedding results, 0 when absent
 * @param cosine best cosine similarity between the question as asked and the clause's embeddings (with and
 *     without its heading), -1 when not computed
 * @param bm25Score the raw keyword score, 0 when absent
 * @param coverage share of the question's words the clause (with its headings) contains, each word
 *     weighted by how rare it is in the school's policies (IDF), 0 to 1
 * @param background how much the question sounds like school ICT policy in general, whatever it
 *     asks ({@link ReferenceBackground}; the same for every hit of a search)
 * @param lift how far the clause stands out in meaning above that background: its cosine minus the
 *     background, for the question as asked or as widened with the policies' words, whichever is
 *     more
 */
public record Hit(
    Clause clause,
    double score,
    int bm25Rank,
    int vectorRank,
    double cosine,
    double bm25Score,
    double coverage,
    double background,
    double lift) {

  /** Best first: higher fused score, then the clause earlier in its policy. */
  public static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.clause().ordinal());

  /** The same hit with another fused score: a later step that re-ranks keeps every signal. */
  public Hit withScore(double newScore) {
    return new Hit(clause, newScore, bm25Rank, vectorRank, cosine, bm25Score, coverage, background, lift);
  }
}
