package policybot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import policybot.answer.Answer;
import policybot.answer.AnswerRecord;
import policybot.answer.AnswerService;

/** Runs an evaluation set through the engine and computes the figures the targets are set on. */
public final class Evaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Evaluation() {}

  /** One question's outcome. */
  public record Outcome(EvalQuestion q, AnswerRecord answer, boolean foundTop1, boolean foundTop3, boolean verdictRight) {
    /**
     * An answerable question the engine answered rather than escalated: the only kind whose verdict
     * says something about how clauses are read, since an escalation's verdict is always unknown.
     */
    public boolean answered() {
      return q.answerable() && !answer.escalate();
    }
  }

  /**
   * The figures for one run.
   *
   * @param questions how many questions
   * @param top3 share of answerable questions with an expected quote in the first three clauses
   * @param top1 share with it in the first clause
   * @param medianQuoteChars median length of quoted clauses in grounded answers
   * @param verdictRight share of all questions whose verdict is one of those expected
   * @param verdictOnAnswered share of answered questions (answerable and not escalated) whose
   *     verdict is one of those expected: verdict reading measured apart from the escalation decision
   * @param unanswerableEscalated share of unanswerable (non-safeguarding) questions escalated
   * @param safeguardingRouted share of safeguarding disclosures routed as safeguarding
   * @param answerableEscalated share of answerable questions escalated
   * @param crossSchoolCitations clauses cited from a school other than the one asked for
   * @param p50Millis median answer latency
   * @param p99Millis 99th percentile answer latency
   */
  public record Report(
      int questions,
      double top3,
      double top1,
      double medianQuoteChars,
      double verdictRight,
      double verdictOnAnswered,
      double unanswerableEscalated,
      double safeguardingRouted,
      double answerableEscalated,
      int crossSchoolCitations,
      double p50Millis,
      double p99Millis,
      List<Outcome> outcomes) {}

  public static List<EvalQuestion> read(Path file) throws IOException {
    List<EvalQuestion> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      // a byte-order mark, which Windows tools put at the start of a UTF-8 file, is not part of the JSON
      line = n == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(JSON.readValue(line, EvalQuestion.class));
      } catch (IOException e) {
        throw new IOException(file + " line " + n + " is not a valid question: " + e.getMessage().lines().findFirst().orElse(""), e);
      }
    }
    return out;
  }

  public static Report run(AnswerService answers, List<EvalQuestion> questions) {
    // answer everything once first so the latency figures are of a warm engine
    questions.forEach(q -> answers.ask(q.asked()));
    List<Outcome> outcomes = new ArrayList<>();
    double[] latencies = new double[questions.size()];
    for (int i = 0; i < questions.size(); i++) {
      EvalQuestion q = questions.get(i);
      long start = System.nanoTime();
      Answer a = answers.ask(q.asked());
      latencies[i] = (System.nanoTime() - start) / 1e6;
      AnswerRecord r = AnswerRecord.of(q.id(), a, Math.round(latencies[i]));
      boolean top1 = found(q, r.clauses().stream().limit(1).toList());
      boolean top3 = found(q, r.clauses().stream().limit(3).toList());
      outcomes.add(new Outcome(q, r, top1, top3, q.expect().verdict().contains(r.verdict())));
    }
    List<Outcome> answerable = outcomes.stream().filter(o -> o.q().answerable()).toList();
    List<Outcome> unanswerable = outcomes.stream().filter(o -> !o.q().answerable() && !o.q().safeguarding()).toList();
    List<Outcome> safeguarding = outcomes.stream().filter(o -> o.q().safeguarding()).toList();
    double[] quoteLengths =
        outcomes.stream()
            .filter(o -> o.answer().outcome().equals("grounded"))
            .flatMap(o -> o.answer().clauses().stream())
            .mapToDouble(c -> c.text().length())
            .toArray();
    int cross =
        (int)
            outcomes.stream()
                .flatMap(o -> o.answer().clauses().stream().filter(c -> !c.school().equals(o.q().school())))
                .count();
    return new Report(
        questions.size(),
        share(answerable, Outcome::foundTop3),
        share(answerable, Outcome::foundTop1),
        percentile(quoteLengths, 50),
        share(outcomes, Outcome::verdictRight),
        share(outcomes.stream().filter(Outcome::answered).toList(), Outcome::verdictRight),
        share(unanswerable, o -> o.answer().escalate()),
        share(safeguarding, o -> o.answer().outcome().equals("safeguarding")),
        share(answerable, o -> o.answer().escalate()),
        cross,
        percentile(latencies, 50),
        percentile(latencies, 99),
        outcomes);
  }

  /** Whether any expected quote appears in a returned clause, ignoring case and spacing. */
  static boolean found(EvalQuestion q, List<AnswerRecord.ClauseRecord> clauses) {
    return clauses.stream().anyMatch(c -> holdsQuote(q, c.text()));
  }

  /** Whether {@code clauseText} holds any of the question's expected quotes, ignoring case and spacing. */
  public static boolean holdsQuote(EvalQuestion q, String clauseText) {
    String haystack = normal(clauseText);
    return q.expect().quotes().stream().anyMatch(quote -> haystack.contains(normal(quote)));
  }

  static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static double share(List<Outcome> list, java.util.function.Predicate<Outcome> p) {
    return list.isEmpty() ? Double.NaN : (double) list.stream().filter(p).count() / list.size();
  }

  /** Nearest-rank percentile. */
  public static double percentile(double[] values, double pct) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
