package policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.TestEngine;

class BenchTest {
  @TempDir Path work;

  @Test
  void should_split_the_cold_build_into_its_phases_and_time_first_asks_apart() throws Exception {
    List<EvalQuestion> qs = Evaluation.read(Path.of("src/test/resources/eval/dev-questions.jsonl")).subList(0, 3);
    StringWriter log = new StringWriter();

    Bench.Figures f = Bench.run("seed", TestEngine.CORPUS, work, qs, new PrintWriter(log));

    assertThat(f.clauses()).isPositive();
    assertThat(log.toString()).contains("index ready: 5 schools, " + f.clauses() + " clauses");
    assertThat(f.coldPhases()).containsOnlyKeys("read", "embed", "write", "open");
    assertThat(List.copyOf(f.coldPhases().keySet())).containsExactly("read", "embed", "write", "open");
    long phases = f.coldPhases().values().stream().mapToLong(Long::longValue).sum();
    assertThat(phases).as("the phases are parts of the cold build").isLessThanOrEqualTo(f.coldBuildMillis());
    assertThat(f.p50Millis()).isPositive().isLessThanOrEqualTo(f.p99Millis());
    assertThat(f.firstP50Millis()).isPositive().isLessThanOrEqualTo(f.firstP99Millis());
    assertThat(log.toString()).contains("embedded");
  }
}
