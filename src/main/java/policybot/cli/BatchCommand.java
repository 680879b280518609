package policybot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.answer.Answer;
import policybot.answer.AnswerRecord;
import policybot.answer.Question;
import policybot.index.SearchMode;

/** Answers a file of questions, one JSON record per line. Never files escalations. */
@Command(
    name = "batch",
    description = {
      "Answer a JSONL file of questions and write one JSON answer per line.",
      "Input lines: {\"id\", \"school\", \"question\"} (other fields are ignored, except an optional \"previous\" question).",
      "A follow-up with no \"previous\" is read after the line before it (see --independent)."
    })
final class BatchCommand implements Callable<Integer> {
  /** Report progress this often on long files. */
  private static final int PROGRESS_EVERY = 50;

  /** A byte-order mark, which Windows tools put at the start of a UTF-8 file. */
  private static final String BOM = "\uFEFF";

  /** The id of a line that is not valid JSON, if it can still be read, so its record lines up with the question. */
  private static final Pattern ID_IN_BROKEN_LINE = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]*)");

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "Questions, one JSON object per line.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the answers.")
  Path out;

  @Option(
      names = "--independent",
      description = {
        "Answer every line on its own. By default a line with no \"previous\" field that reads as a follow-up",
        "(\"what about on a trip?\", \"who do I ask?\") of the line before it, for the same school, is answered",
        "with that line's question as its previous one, as in a chat; \"previous\": \"\" keeps one line on its own."
      })
  boolean independent;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(in)) {
      err.println("policybot: input file not found: " + in);
      return 2;
    }
    Path folder = out.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    int bad = 0;
    try (Engine e = Engine.open(common.config(), err, false, SearchMode.HYBRID);
        BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      e.warmUp();
      String line;
      int lineNo = 0;
      // the line before, as asked, for a follow-up that does not say what it follows
      Question earlier = null;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith(BOM)) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        n++;
        AnswerRecord record;
        try {
          JsonNode node = json.readTree(line);
          String id = node.path("id").asText("");
          Question q =
              new Question(
                  node.path("school").asText(""),
                  node.path("question").asText(""),
                  Optional.ofNullable(node.path("previous").textValue()).filter(p -> !p.isBlank()));
          if (earlier != null && !independent && !node.has("previous")) {
            q = q.following(earlier);
          }
          earlier = q;
          long start = System.nanoTime();
          Answer a = e.answers().ask(q);
          record = AnswerRecord.of(id, a, (System.nanoTime() - start) / 1_000_000);
        } catch (java.io.IOException ex) {
          bad++;
          earlier = null;
          Matcher id = ID_IN_BROKEN_LINE.matcher(line);
          record = new AnswerRecord(id.find() ? id.group(1).strip() : "", "", "unknown", false, "bad_input", List.of(),
              "Line " + lineNo + " is not a JSON object with id, school and question.", 0, "refused", List.of(), List.of());
        }
        w.write(json.writeValueAsString(record));
        w.newLine();
        if (n % PROGRESS_EVERY == 0) {
          err.println("answered " + n + " questions");
          err.flush();
        }
      }
    }
    err.printf("answered %d questions into %s%s%n", n, out, bad == 0 ? "" : " (" + bad + " lines were not valid JSON)");
    return 0;
  }
}
