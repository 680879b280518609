package policybot.config;

import java.util.List;
import java.util.Locale;

/**
 * Every setting Policy Bot reads: its key in the config file, its environment override and its
 * default. The README's settings table is checked against this list by a test.
 */
public enum Setting {
  PORT("port", "8080", "HTTP port for the web chat, policy pages and Slack events; 0 picks a free one."),
  BIND("bind", "127.0.0.1", "Address to listen on; 0.0.0.0 to accept other machines."),
  BASE_URL("base_url", "", "Public address used in clause links; empty means http://localhost:<port>."),
  CORPUS("corpus", "corpus", "Folder holding one sub-folder of policies per school."),
  DATA("data", "data", "Folder for the search index and the database."),
  SCHOOL("school", "", "Default school slug when a question names none; empty means the first school."),
  RATE_LIMIT("rate_limit", "30", "Questions per minute one client may send to /api/ask."),
  RELOAD_SECONDS("reload_seconds", "5", "How often the corpus folder is checked for changed files; 0 turns it off."),
  DATABASE_URL("database_url", "", "JDBC URL of the database (jdbc:sqlite:FILE or jdbc:postgresql://...); empty means jdbc:sqlite:<data>/policybot.db."),
  RETENTION_DAYS("retention_days", "365", "Days a case or feedback keeps the question and who asked before they are blanked."),
  OVERDUE_HOURS("overdue_hours", "24", "Working hours (Monday to Friday) an open case waits before its reviewer is reminded, and again before it goes to the deputy.");

  private final String key;
  private final String defaultValue;
  private final String description;

  Setting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** Key in the YAML config file. */
  public String key() {
    return key;
  }

  /** Environment variable that overrides the file: {@code POLICYBOT_<NAME>}. */
  public String env() {
    return "POLICYBOT_" + name().toUpperCase(Locale.ROOT);
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public static List<Setting> all() {
    return List.of(values());
  }
}
