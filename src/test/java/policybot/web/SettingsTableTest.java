package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.config.Setting;

/** The README's settings table and {@link Setting} say the same thing, row for row. */
class SettingsTableTest {
  private static final String START = "<!-- settings:start -->";
  private static final String END = "<!-- settings:end -->";

  /** One row of the table: key, environment variable, default, meaning. */
  record Row(String key, String env, String defaultValue, String meaning) {}

  @Test
  void should_list_every_setting_with_its_variable_default_and_meaning() throws IOException {
    List<Row> readme = readmeRows();

    List<Row> code =
        Setting.all().stream()
            .map(s -> new Row(s.key(), s.env(), s.defaultValue(), s.description()))
            .toList();
    assertThat(readme).containsExactlyElementsOf(code);
  }

  static List<Row> readmeRows() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README has a " + START + " marker").isNotNegative();
    assertThat(end).as("README has a " + END + " marker after the start").isGreaterThan(start);
    return readme.substring(start + START.length(), end).lines()
        .map(String::strip)
        .filter(l -> l.startsWith("|"))
        .skip(2) // header and separator
        .map(SettingsTableTest::row)
        .toList();
  }

  private static Row row(String line) {
    List<String> cells =
        Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList();
    assertThat(cells).as("a settings row has four cells: " + line).hasSize(4);
    return new Row(code(cells.get(0)), code(cells.get(1)), defaultValue(cells.get(2)), cells.get(3));
  }

  private static String code(String cell) {
    return cell.replaceAll("^`|`$", "");
  }

  private static String defaultValue(String cell) {
    return cell.equals("(empty)") ? "" : code(cell);
  }
}
