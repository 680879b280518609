package policybot.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import policybot.store.Store;

/**
 * Policy Bot's settings, read once from an optional YAML file and then the environment, which wins.
 *
 * @param port HTTP port (0 picks a free one)
 * @param bind listen address
 * @param baseUrl public address for links, or empty to use the local server's
 * @param corpus folder of school folders
 * @param data folder for the index and database
 * @param school default school slug, or empty
 * @param rateLimitPerMinute questions per minute per client on the JSON API
 * @param reloadSeconds corpus polling interval, 0 for none
 * @param databaseUrl JDBC URL of the database, or empty for the SQLite file in {@code data}
 * @param retentionDays days personal data in cases and feedback is kept
 * @param overdueHours working hours before an open case's reviewer is reminded (and again before
 *     it goes to the deputy)
 */
public record Config(
    int port,
    String bind,
    String baseUrl,
    Path corpus,
    Path data,
    String school,
    int rateLimitPerMinute,
    int reloadSeconds,
    String databaseUrl,
    int retentionDays,
    int overdueHours) {

  /** Config file read when no --config is given and it exists in the working directory. */
  public static final String DEFAULT_FILE = "policybot.yml";

  /** Default retention: a school year plus the summer, as {@code store.Retention} explains. */
  public static final int DEFAULT_RETENTION_DAYS = 365;

  /** One working day, as {@code escalation.Overdue} defines it. */
  public static final int DEFAULT_OVERDUE_HOURS = 24;

  /** The settings before the database ones, with those at their defaults. */
  public Config(
      int port,
      String bind,
      String baseUrl,
      Path corpus,
      Path data,
      String school,
      int rateLimitPerMinute,
      int reloadSeconds) {
    this(port, bind, baseUrl, corpus, data, school, rateLimitPerMinute, reloadSeconds, "", DEFAULT_RETENTION_DAYS, DEFAULT_OVERDUE_HOURS);
  }

  public Config {
    if (port < 0 || port > 65535) {
      throw new ConfigException("port must be between 0 and 65535, not " + port);
    }
    if (rateLimitPerMinute < 1) {
      throw new ConfigException("rate_limit must be at least 1 question per minute");
    }
    if (reloadSeconds < 0) {
      throw new ConfigException("reload_seconds must not be negative");
    }
    if (retentionDays < 1) {
      throw new ConfigException("retention_days must be at least 1");
    }
    if (overdueHours < 1) {
      throw new ConfigException("overdue_hours must be at least 1");
    }
    databaseUrl = databaseUrl == null ? "" : databaseUrl;
    if (!databaseUrl.isEmpty() && !databaseUrl.startsWith("jdbc:")) {
      throw new ConfigException("database_url must be a JDBC URL starting with jdbc:, or empty");
    }
    baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    school = school == null ? "" : school;
  }

  /** A bad setting, reported to the person with the setting's name. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
      super(message);
    }
  }

  /** The base for clause links: the configured one, or the local server's. */
  public String linkBase() {
    if (!baseUrl.isEmpty()) {
      return baseUrl;
    }
    return "http://localhost:" + (port == 0 ? 8080 : port);
  }

  /** The database to open: the configured URL, or the SQLite file {@code policybot.db} in the data folder. */
  public String jdbcUrl() {
    return databaseUrl.isEmpty() ? Store.sqliteUrl(data) : databaseUrl;
  }

  public Config withPort(int newPort) {
    return new Config(newPort, bind, baseUrl, corpus, data, school, rateLimitPerMinute, reloadSeconds, databaseUrl, retentionDays, overdueHours);
  }

  public Config withCorpus(Path newCorpus) {
    return new Config(port, bind, baseUrl, newCorpus, data, school, rateLimitPerMinute, reloadSeconds, databaseUrl, retentionDays, overdueHours);
  }

  public Config withData(Path newData) {
    return new Config(port, bind, baseUrl, corpus, newData, school, rateLimitPerMinute, reloadSeconds, databaseUrl, retentionDays, overdueHours);
  }

  public static Config defaults() {
    return from(Map.of(), Map.of());
  }

  /** Reads {@code file} if given (or {@value #DEFAULT_FILE} if present), then the environment. */
  public static Config load(Optional<Path> file, Map<String, String> env) {
    Path path = file.orElse(Path.of(DEFAULT_FILE));
    Map<String, String> fromFile = new LinkedHashMap<>();
    if (file.isPresent() && !Files.isRegularFile(path)) {
      throw new ConfigException("config file not found: " + path);
    }
    if (Files.isRegularFile(path)) {
      try {
        Map<?, ?> raw = new ObjectMapper(new YAMLFactory()).readValue(path.toFile(), Map.class);
        if (raw != null) {
          raw.forEach((k, v) -> fromFile.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
      }
    }
    return from(fromFile, env);
  }

  static Config from(Map<String, String> file, Map<String, String> env) {
    Map<Setting, String> v = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      String value = s.defaultValue();
      if (file.containsKey(s.key())) {
        value = file.get(s.key());
      }
      if (env.containsKey(s.env())) {
        value = env.get(s.env());
      }
      v.put(s, value.strip());
    }
    return new Config(
        integer(v, Setting.PORT),
        v.get(Setting.BIND),
        v.get(Setting.BASE_URL),
        Path.of(v.get(Setting.CORPUS)),
        Path.of(v.get(Setting.DATA)),
        v.get(Setting.SCHOOL),
        integer(v, Setting.RATE_LIMIT),
        integer(v, Setting.RELOAD_SECONDS),
        v.get(Setting.DATABASE_URL),
        integer(v, Setting.RETENTION_DAYS),
        integer(v, Setting.OVERDUE_HOURS));
  }

  private static int integer(Map<Setting, String> v, Setting s) {
    try {
      return Integer.parseInt(v.get(s));
    } catch (NumberFormatException e) {
      throw new ConfigException(
          s.key() + " (" + s.env() + ") must be a whole number, not '" + v.get(s) + "'");
    }
  }
}
