package policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import policybot.DevSet;
import policybot.TestEngine;
import policybot.escalation.Cases;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;

class CliTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CommandLine cl = Cli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void should_list_every_command_in_help() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ask", "batch", "eval", "index", "clauses");
  }

  @Test
  void should_print_each_command_help_with_its_options_and_not_an_error() {
    for (String command : List.of("ask", "batch", "eval", "index", "bench", "clauses", "serve")) {
      Run r = run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.err()).as(command).isEmpty();
      assertThat(r.out()).as(command).contains("Usage: policybot " + command, "--help");
    }
  }

  @Test
  void should_write_one_answer_record_per_batch_line_and_survive_a_bad_line() throws Exception {
    Path in = tmp.resolve("q.jsonl");
    Files.write(in, List.of(
        "{\"id\": \"a\", \"school\": \"glais\", \"question\": \"can I take photos of pupils on my phone?\", \"extra\": 1}",
        "this is not json",
        "{\"id\": \"c\", \"school\": \"nowhere\", \"question\": \"can I?\"}"), StandardCharsets.UTF_8);
    Path out = tmp.resolve("a.jsonl");

    Run r = run("batch", "--in", in.toString(), "--out", out.toString(), "--data", tmp.resolve("data").toString());

    assertThat(r.code()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.fieldNames()).toIterable()
        .contains("id", "school", "verdict", "escalate", "reason", "clauses", "answer", "latency_ms");
    assertThat(first.get("verdict").asText()).isEqualTo("no");
    JsonNode clause = first.get("clauses").get(0);
    assertThat(clause.fieldNames()).toIterable().contains("text", "school", "policy", "title", "section", "link", "score");
    assertThat(clause.get("link").asText()).startsWith("http://localhost:8080/policies/glais/");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("reason").asText()).isEqualTo("bad_input");
    assertThat(new ObjectMapper().readTree(lines.get(2)).get("reason").asText()).isEqualTo("unknown_school");
  }

  @Test
  void should_say_which_file_is_missing_and_make_the_folder_for_batch_answers() throws Exception {
    Run missing = run("eval", "--questions", tmp.resolve("nope.jsonl").toString(), "--data", tmp.resolve("data").toString());

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("not found", "nope.jsonl").doesNotContain("Exception", "\tat ");

    Path in = tmp.resolve("q.jsonl");
    Files.writeString(in, "{\"id\": \"a\", \"school\": \"glais\", \"question\": \"can I take photos of pupils on my phone?\"}\n");
    Path out = tmp.resolve("answers/today/a.jsonl");

    Run r = run("batch", "--in", in.toString(), "--out", out.toString(), "--data", tmp.resolve("data").toString());

    assertThat(r.code()).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(1);
  }

  @Test
  void should_name_the_schools_when_clauses_is_asked_for_one_that_does_not_exist() {
    Run r = run("clauses", "--school", "nowhere");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nowhere", "glais", "moorthorpe");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void should_answer_a_follow_up_with_no_previous_after_the_line_before_it_unless_asked_not_to() throws Exception {
    String lead = "{\"id\": \"lead\", \"school\": \"glais\", \"question\": \"can i take photos of my class on my phone\"}";
    Path implicit = tmp.resolve("implicit.jsonl");
    Files.write(implicit, List.of(lead, "{\"id\": \"f\", \"school\": \"glais\", \"question\": \"what about on a residential?\"}"));
    Path explicit = tmp.resolve("explicit.jsonl");
    Files.write(explicit, List.of(lead, "{\"id\": \"f\", \"school\": \"glais\", \"question\": \"what about on a residential?\", "
        + "\"previous\": \"can i take photos of my class on my phone\"}"));
    Path alone = tmp.resolve("alone.jsonl");
    Files.write(alone, List.of(lead, "{\"id\": \"f\", \"school\": \"glais\", \"question\": \"what about on a residential?\", \"previous\": \"\"}"));
    String data = tmp.resolve("data").toString();

    JsonNode asFollowUp = secondRecord(run("batch", "--in", implicit.toString(), "--out", tmp.resolve("a.jsonl").toString(), "--data", data), "a.jsonl");
    JsonNode withPrevious = secondRecord(run("batch", "--in", explicit.toString(), "--out", tmp.resolve("b.jsonl").toString(), "--data", data), "b.jsonl");
    JsonNode independent = secondRecord(
        run("batch", "--independent", "--in", implicit.toString(), "--out", tmp.resolve("c.jsonl").toString(), "--data", data), "c.jsonl");
    JsonNode emptyPrevious = secondRecord(run("batch", "--in", alone.toString(), "--out", tmp.resolve("d.jsonl").toString(), "--data", data), "d.jsonl");

    assertThat(asFollowUp.get("verdict")).isEqualTo(withPrevious.get("verdict"));
    assertThat(asFollowUp.get("clauses")).isEqualTo(withPrevious.get("clauses"));
    assertThat(independent.get("clauses")).isEqualTo(emptyPrevious.get("clauses"));
    assertThat(independent.get("clauses")).isNotEqualTo(asFollowUp.get("clauses"));
  }

  private JsonNode secondRecord(Run r, String out) throws Exception {
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(tmp.resolve(out), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode record = new ObjectMapper().readTree(lines.get(1));
    ((com.fasterxml.jackson.databind.node.ObjectNode) record).remove("latency_ms");
    return record;
  }

  @Test
  void should_read_a_batch_file_saved_by_windows_tools_and_keep_the_id_of_a_broken_line() throws Exception {
    Path in = tmp.resolve("q.jsonl");
    String text = "\uFEFF{\"id\": \"a\", \"school\": \"glais\", \"question\": \"can I take photos of pupils on my phone?\"}\r\n"
        + "\r\n"
        + "{\"id\": \"b\", \"school\": \"glais\", \"question\": \"can I take photos\r\n";
    Files.writeString(in, text, StandardCharsets.UTF_8);
    Path out = tmp.resolve("a.jsonl");

    Run r = run("batch", "--in", in.toString(), "--out", out.toString(), "--data", tmp.resolve("data").toString());

    assertThat(r.code()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("a");
    assertThat(first.get("verdict").asText()).isEqualTo("no");
    JsonNode broken = json.readTree(lines.get(1));
    assertThat(broken.get("id").asText()).isEqualTo("b");
    assertThat(broken.get("reason").asText()).isEqualTo("bad_input");
    assertThat(broken.get("answer").asText()).contains("Line 3");
  }

  @Test
  void should_file_no_case_from_batch_even_with_a_database_and_reviewers_set_up() throws Exception {
    String escalating = DevSet.escalating(TestEngine.answers(), "glais");
    String disclosure = DevSet.safeguarding(TestEngine.answers(), "glais");
    String url = "jdbc:sqlite:" + tmp.resolve("cases.db");
    try (Store store = Store.open(url)) {
      new Roster(store, TestEngine.CLOCK).put(new Reviewers("glais", "head-1", "deputy-1", "dsl-1"));
    }
    Path config = tmp.resolve("policybot.yml");
    Files.writeString(config, "database_url: \"" + url + "\"\n", StandardCharsets.UTF_8);
    Path in = tmp.resolve("q.jsonl");
    ObjectMapper json = new ObjectMapper();
    Files.write(in, List.of(
        json.writeValueAsString(java.util.Map.of("id", "e", "school", "glais", "question", escalating)),
        json.writeValueAsString(java.util.Map.of("id", "s", "school", "glais", "question", disclosure))), StandardCharsets.UTF_8);
    Path out = tmp.resolve("a.jsonl");

    Run r = run("batch", "--config", config.toString(), "--in", in.toString(), "--out", out.toString(), "--data", tmp.resolve("data").toString());

    assertThat(r.code()).isZero();
    List<JsonNode> records = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      records.add(json.readTree(line));
    }
    assertThat(records).extracting(n -> n.get("outcome").asText()).containsExactly("escalated", "safeguarding");
    assertThat(records).noneMatch(n -> n.has("case"));
    try (Store store = Store.open(url)) {
      assertThat(new Cases(store, TestEngine.CLOCK).counts("glais").values()).allMatch(n -> n == 0L);
    }
  }

  @Test
  void should_print_a_clear_message_for_a_missing_config_file() {
    Run r = run("index", "--config", tmp.resolve("nope.yml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("config file not found").doesNotContain("Exception");
  }
}
