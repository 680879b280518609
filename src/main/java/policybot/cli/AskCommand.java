package policybot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import policybot.answer.Answer;
import policybot.answer.AnswerRecord;
import policybot.answer.Citation;
import policybot.answer.Question;
import policybot.index.SearchMode;

/** Answers one question on the command line. */
@Command(
    name = "ask",
    description = "Answer one question from a school's policies.",
    footer = {"", "Example:", "  policybot ask --school glais \"can I use my phone on a trip?\""})
final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--school", paramLabel = "SLUG", description = "School slug (default: the configured school, else the first).")
  String school;

  @Option(names = "--previous", paramLabel = "QUESTION", description = "The question asked just before, for a short follow-up.")
  String previous;

  @Option(names = "--json", description = "Print the answer record as JSON (the batch format).")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question.")
  String[] words;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Engine e = Engine.open(common.config(), spec.commandLine().getErr(), false, SearchMode.HYBRID)) {
      String slug = school != null ? school : defaultSchool(e);
      long start = System.nanoTime();
      Answer a = e.answers().ask(new Question(slug, String.join(" ", words), Optional.ofNullable(previous)));
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(AnswerRecord.of("cli", a, ms)));
      } else {
        print(out, a);
      }
      return a instanceof Answer.Refused ? 2 : 0;
    }
  }

  private String defaultSchool(Engine e) {
    String configured = e.config().school();
    if (!configured.isEmpty()) {
      return configured;
    }
    return e.index().corpus().schools().keySet().stream().findFirst().orElse("");
  }

  static void print(PrintWriter out, Answer a) {
    String badge =
        a instanceof Answer.Grounded g
            ? g.verdict().plainWords().toUpperCase(java.util.Locale.ROOT)
            : a instanceof Answer.Escalated
                ? "NOT SURE: ASK THE HEAD"
                : a instanceof Answer.Safeguarding ? "SAFEGUARDING: REPORT NOW" : "CAN'T ANSWER THAT";
    out.println("[" + badge + "]");
    out.println(a.text());
    if (a instanceof Answer.Grounded g) {
      g.warnings().forEach(w -> out.println("! " + w));
    }
    int n = 1;
    for (Citation c : a.citations()) {
      out.println();
      out.printf("%d. %s%s%n", n++, c.title(), c.section().isEmpty() ? "" : " › " + c.section());
      String t = c.text();
      out.println("   \"" + t.substring(0, c.highlightStart()) + ">>" + c.highlight() + "<<" + t.substring(c.highlightEnd()) + "\"");
      out.println("   " + c.link());
      c.sourceUrl().ifPresent(u -> out.println("   source: " + u));
    }
    out.flush();
  }
}
