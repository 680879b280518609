package policybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void should_default_to_the_sqlite_file_in_the_data_folder_and_a_year_of_retention() {
    Config config = Config.from(Map.of("data", "somewhere"), Map.of());

    assertThat(config.jdbcUrl())
        .isEqualTo("jdbc:sqlite:" + Path.of("somewhere", "policybot.db").toAbsolutePath());
    assertThat(config.retentionDays()).isEqualTo(365);
  }

  @Test
  void should_take_the_database_url_and_retention_from_the_environment_over_the_file() {
    Config config =
        Config.from(
            Map.of("database_url", "jdbc:sqlite:/tmp/file.db", "retention_days", "30"),
            Map.of("POLICYBOT_DATABASE_URL", "jdbc:postgresql://db/policybot", "POLICYBOT_RETENTION_DAYS", "90"));

    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/policybot");
    assertThat(config.retentionDays()).isEqualTo(90);
  }

  @Test
  void should_refuse_a_retention_below_one_day_and_a_url_that_is_not_jdbc() {
    assertThatThrownBy(() -> Config.from(Map.of("retention_days", "0"), Map.of()))
        .hasMessageContaining("retention_days");
    assertThatThrownBy(() -> Config.from(Map.of("database_url", "postgres://db"), Map.of()))
        .hasMessageContaining("database_url");
  }

  @Test
  void should_default_the_overdue_period_to_one_working_day_and_take_it_from_the_environment() {
    assertThat(Config.from(Map.of(), Map.of()).overdueHours()).isEqualTo(24);
    assertThat(Config.from(Map.of("overdue_hours", "8"), Map.of("POLICYBOT_OVERDUE_HOURS", "4")).overdueHours()).isEqualTo(4);
    assertThatThrownBy(() -> Config.from(Map.of("overdue_hours", "0"), Map.of())).hasMessageContaining("overdue_hours");
    assertThatThrownBy(() -> Config.from(Map.of("overdue_hours", "a day"), Map.of())).hasMessageContaining("overdue_hours");
  }
}
