package policybot.answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import policybot.index.Embedder;

/**
 * Scores fresh batches of wordings against the safeguarding checks before anyone reads them: for
 * each folder holding a {@code concerns.txt} and a {@code not-concerns.txt} (one message a line),
 * the concerns caught and the ordinary questions wrongly caught by the word lists, by the nearest
 * examples and by either (what the engine does). With {@code --show} it also prints each wrong
 * wording, for after the score is recorded.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.answer.SafeguardingScore /tmp/batch-a [--show]
 * </pre>
 */
public final class SafeguardingScore {
  public static void main(String[] args) throws IOException {
    Embedder embedder = new Embedder();
    boolean show = List.of(args).contains("--show");
    System.out.println("batch\tkind\tlists\tneighbours\teither\tof");
    for (String dir : args) {
      if (dir.startsWith("--")) {
        continue;
      }
      for (boolean concern : new boolean[] {true, false}) {
        List<String> lines = read(Path.of(dir, concern ? "concerns.txt" : "not-concerns.txt"));
        List<float[]> vectors = embedder.embedAll(lines, done -> {});
        int lists = 0;
        int neighbours = 0;
        int either = 0;
        for (int i = 0; i < lines.size(); i++) {
          boolean byLists = SafeguardingCheck.isConcern(lines.get(i));
          boolean byNeighbours = ConcernNeighbours.shipped().resemblesConcern(vectors.get(i));
          lists += byLists ? 1 : 0;
          neighbours += byNeighbours ? 1 : 0;
          either += byLists || byNeighbours ? 1 : 0;
          if (show && (byLists || byNeighbours) != concern) {
            System.out.println(String.format(Locale.ROOT, "  %s lists=%b neighbours=%b: %s", concern ? "missed" : "false alarm", byLists, byNeighbours, lines.get(i)));
          }
        }
        System.out.println(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d", dir, concern ? "concerns caught" : "ordinary caught", lists, neighbours, either, lines.size()));
      }
    }
    System.exit(0);
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }
}
