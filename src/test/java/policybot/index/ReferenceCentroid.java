package policybot.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import policybot.TestEngine;

/**
 * Writes {@code src/main/resources/policybot/index/reference-centroid.txt}, the mean clause vector
 * of the sample policies in {@code corpus/}, which {@link ReferenceBackground} measures questions
 * against. Run it after changing the embedding model or how clauses are split or embedded; {@code
 * ReferenceBackgroundTest} fails until then.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.index.ReferenceCentroid
 * </pre>
 */
public final class ReferenceCentroid {
  static final Path RESOURCE = Path.of("src/main/resources/policybot/index", ReferenceBackground.RESOURCE);

  public static void main(String[] args) throws IOException {
    float[] mean = TestEngine.index().meanClauseVector();
    List<String> lines = new ArrayList<>();
    lines.add("# Mean clause vector of the sample policies in corpus/ (all-MiniLM-L6-v2, quantized), one number per dimension.");
    lines.add("# Written by policybot.index.ReferenceCentroid (test sources); read by ReferenceBackground.");
    for (float v : mean) {
      lines.add(String.format(Locale.ROOT, "%.7f", v));
    }
    Files.write(RESOURCE, lines);
    System.out.println("wrote " + RESOURCE + " (" + mean.length + " dimensions)");
    System.exit(0);
  }
}
