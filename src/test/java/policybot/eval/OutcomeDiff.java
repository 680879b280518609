package policybot.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import policybot.TestEngine;

/**
 * How a change moves every question of every set, the way sessions 17 and 18 measured each change:
 * save one line per question with the build before, again with the build after, then print each
 * question that changed (verdict right, escalated as it should be, first place, top three) and the
 * net counts for the read and the blind sets. Blind questions are printed by id only, so the blind
 * sets stay blind.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * CP=target/test-classes:target/classes:$(cat target/test.classpath)
 * java -cp $CP policybot.eval.OutcomeDiff save before.tsv        # with the build before the change
 * java -cp $CP policybot.eval.OutcomeDiff save after.tsv         # with the change
 * java -cp $CP policybot.eval.OutcomeDiff diff before.tsv after.tsv
 * </pre>
 */
public final class OutcomeDiff {
  /** Sets whose misses have been read and changes made for them; every other set is blind. */
  static final Set<String> READ = Set.of("dev", "check", "fresh", "second", "seventh", "twelfth", "nineteenth", "twentieth", "twentyfirst", "twentysecond", "twentyfifth", "twentysixth", "twentyseventh", "twentyninth", "thirtyfirst", "thirtysecond", "thirtyfourth", "thirtyfifth");

  static final Path SETS = Path.of("src/test/resources/eval");

  /** One question's outcome, as saved. */
  record Line(String set, String id, boolean verdictRight, boolean escalatedRightly, boolean top1, boolean top3, String verdict, String question) {
    static Line of(String set, Evaluation.Outcome o) {
      boolean shouldEscalate = !o.q().answerable();
      return new Line(
          set, o.q().id(), o.verdictRight(), o.answer().escalate() == shouldEscalate, o.foundTop1(), o.foundTop3(), o.answer().verdict(),
          o.q().question().replaceAll("\\s+", " "));
    }

    String tsv() {
      return String.join("\t", set, id, b(verdictRight), b(escalatedRightly), b(top1), b(top3), verdict, question);
    }

    static Line parse(String tsv) {
      String[] f = tsv.split("\t", 8);
      return new Line(f[0], f[1], f[2].equals("1"), f[3].equals("1"), f[4].equals("1"), f[5].equals("1"), f[6], f[7]);
    }

    private static String b(boolean v) {
      return v ? "1" : "0";
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("save")) {
      save(Path.of(args[1]));
    } else if (args.length == 3 && args[0].equals("diff")) {
      System.out.print(diff(load(Path.of(args[1])), load(Path.of(args[2]))));
    } else {
      System.err.println("usage: OutcomeDiff save FILE | OutcomeDiff diff BEFORE AFTER");
      System.exit(2);
    }
    System.exit(0);
  }

  private static void save(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(SETS)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-questions.jsonl")).sorted().toList()) {
        String set = file.getFileName().toString().replace("-questions.jsonl", "");
        Evaluation.run(TestEngine.answers(), Evaluation.read(file)).outcomes().forEach(o -> lines.add(Line.of(set, o).tsv()));
        System.err.println(set + ": " + lines.size() + " questions so far");
      }
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
  }

  private static Map<String, Line> load(Path file) throws IOException {
    Map<String, Line> out = new LinkedHashMap<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Line line = Line.parse(l);
      out.put(line.set() + "/" + line.id(), line);
    }
    return out;
  }

  /** The changed questions, one line each, then the net change for read and blind sets. */
  static String diff(Map<String, Line> before, Map<String, Line> after) {
    StringBuilder out = new StringBuilder();
    int[] read = new int[4];
    int[] blind = new int[4];
    for (Map.Entry<String, Line> e : after.entrySet()) {
      Line b = before.get(e.getKey());
      Line a = e.getValue();
      if (b == null) {
        continue;
      }
      int[] net = READ.contains(a.set()) ? read : blind;
      String changes =
          change("verdict", b.verdictRight(), a.verdictRight(), net, 0)
              + change("escalation", b.escalatedRightly(), a.escalatedRightly(), net, 1)
              + change("first", b.top1(), a.top1(), net, 2)
              + change("top3", b.top3(), a.top3(), net, 3);
      if (!changes.isEmpty()) {
        String text = READ.contains(a.set()) ? a.question() : "(blind)";
        out.append(String.format("%-12s %-26s %-34s %s -> %s  %s%n", a.set(), a.id(), changes.strip(), b.verdict(), a.verdict(), text));
      }
    }
    out.append(String.format("net read  (verdict, escalation, first, top 3): %+d %+d %+d %+d%n", read[0], read[1], read[2], read[3]));
    out.append(String.format("net blind (verdict, escalation, first, top 3): %+d %+d %+d %+d%n", blind[0], blind[1], blind[2], blind[3]));
    return out.toString();
  }

  private static String change(String what, boolean before, boolean after, int[] net, int at) {
    if (before == after) {
      return "";
    }
    net[at] += after ? 1 : -1;
    return what + (after ? "+ " : "- ");
  }

  private OutcomeDiff() {}
}
