package policybot.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import policybot.index.Audience;

/**
 * Finds the sentence inside a clause that answers the question, so a long bullet can be quoted
 * whole with the part that matters marked.
 */
final class KeySentence {
  /** A sentence ends at . ! or ? followed by a space and a capital or an opening quote. */
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z“\"'(])");

  /** A sentence that states a rule beats an equally matching one that only explains. */
  static final double RULE_BONUS = 0.5;

  /**
   * A rule for pupils beats an equally matching one for staff when the question asks what pupils
   * may do: "Pupils are not allowed to use their phones in school" over "staff mobile phones must
   * not be used to take pictures of children", which shares the same words.
   */
  static final double SAME_ADDRESSEE_BONUS = 0.5;

  private KeySentence() {}

  /** A span of the clause text: [start, end). */
  record Span(int start, int end) {}

  static List<Span> sentences(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(text);
    int start = 0;
    while (m.find()) {
      out.add(new Span(start, m.start()));
      start = m.end();
    }
    out.add(new Span(start, text.length()));
    return out;
  }

  /** Which of the question's word groups {@code sentence} mentions, by their place in the list. */
  static Set<Integer> mentions(String sentence, List<Set<String>> questionTerms, Function<String, List<String>> analyze) {
    Set<String> terms = new HashSet<>(analyze.apply(sentence));
    Set<Integer> out = new HashSet<>();
    for (int i = 0; i < questionTerms.size(); i++) {
      if (questionTerms.get(i).stream().anyMatch(terms::contains)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The best sentence for the question: the most question words (each with its synonyms), ties
   * going to rule sentences and then to the earlier one.
   */
  static Span find(String text, List<Set<String>> questionTerms, Function<String, List<String>> analyze) {
    return find(text, questionTerms, analyze, false);
  }

  /** {@link #find}, for a question that asks what pupils may do when {@code aboutPupils}. */
  static Span find(String text, List<Set<String>> questionTerms, Function<String, List<String>> analyze, boolean aboutPupils) {
    List<Span> spans = sentences(text);
    Span best = spans.get(0);
    double bestScore = -1;
    for (Span s : spans) {
      String sentence = text.substring(s.start(), s.end());
      double score = mentions(sentence, questionTerms, analyze).size();
      if (VerdictReader.isRule(sentence)) {
        score += RULE_BONUS;
      }
      if (aboutPupils && Audience.setsRuleForPupils(sentence)) {
        score += SAME_ADDRESSEE_BONUS;
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }
}
