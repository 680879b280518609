package policybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import policybot.config.Config;

/**
 * How Policy Bot connects to Slack: tokens, the signing secret, the Web API address and which
 * workspace or channel belongs to which school. Read from the {@code slack:} section of the config
 * file, then the {@code SLACK_*} environment variables, which win.
 *
 * @param botToken bot token (xoxb-); empty leaves Slack off
 * @param signingSecret signs requests in HTTP mode; required there
 * @param appToken app-level token (xapp-) with connections:write; when set, Socket Mode is used
 * @param apiUrl Slack Web API base, ending in a slash
 * @param schools which workspace or channel asks for which school(s)
 */
public record SlackSettings(
    String botToken, String signingSecret, String appToken, String apiUrl, SchoolMap schools) {

  /** Slack's own Web API; tests and staging point {@code SLACK_API_URL} at a stand-in. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Environment variables, as Slack's own tools name them. */
  static final String BOT_TOKEN = "SLACK_BOT_TOKEN";

  static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  static final String APP_TOKEN = "SLACK_APP_TOKEN";
  static final String API_URL = "SLACK_API_URL";
  static final String SCHOOLS = "SLACK_SCHOOLS";

  public SlackSettings {
    botToken = blankToEmpty(botToken);
    signingSecret = blankToEmpty(signingSecret);
    appToken = blankToEmpty(appToken);
    apiUrl = blankToEmpty(apiUrl).isEmpty() ? DEFAULT_API_URL : apiUrl.strip();
    // Bolt joins method names straight onto this prefix
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
    if (schools == null) {
      schools = SchoolMap.NONE;
    }
  }

  /** How the Slack side runs, decided once at start. */
  public enum Mode {
    /** No bot token: the web app runs alone. */
    OFF,
    /** Slack posts to /slack/events, signed with the signing secret. */
    HTTP,
    /** The app dials out to Slack over a WebSocket: no public address needed. */
    SOCKET
  }

  public Mode mode() {
    if (botToken.isEmpty()) {
      return Mode.OFF;
    }
    return appToken.isEmpty() ? Mode.HTTP : Mode.SOCKET;
  }

  /**
   * Fails when the settings would start Slack unsafely: HTTP mode without a signing secret would
   * accept requests anyone can forge, so it never starts.
   */
  public SlackSettings validated() {
    if (mode() == Mode.HTTP && signingSecret.isEmpty()) {
      throw new Config.ConfigException(
          SIGNING_SECRET
              + " is required in HTTP mode: without it anyone could forge Slack requests. "
              + "Set it (Basic Information > Signing Secret), or set "
              + APP_TOKEN
              + " to use Socket Mode instead.");
    }
    if (!botToken.isEmpty() && !botToken.startsWith("xoxb-")) {
      throw new Config.ConfigException(BOT_TOKEN + " must be a bot token starting with xoxb-");
    }
    if (!appToken.isEmpty() && !appToken.startsWith("xapp-")) {
      throw new Config.ConfigException(APP_TOKEN + " must be an app-level token starting with xapp-");
    }
    return this;
  }

  public static SlackSettings fromEnv(Map<String, String> env) {
    return from(Map.of(), env);
  }

  /** Reads the {@code slack:} section of {@code file} (or ./policybot.yml if present), then {@code env}. */
  public static SlackSettings load(Optional<Path> file, Map<String, String> env) {
    Path path = file.orElse(Path.of(Config.DEFAULT_FILE));
    Map<String, Object> section = new LinkedHashMap<>();
    if (Files.isRegularFile(path)) {
      try {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        JsonNode slack = root == null ? null : root.get("slack");
        if (slack != null && slack.isObject()) {
          for (Map.Entry<String, JsonNode> e : slack.properties()) {
            section.put(e.getKey(), e.getValue());
          }
        }
      } catch (IOException e) {
        throw new Config.ConfigException("cannot read the slack section of " + path + ": " + e.getMessage());
      }
    }
    return from(section, env);
  }

  static SlackSettings from(Map<String, Object> file, Map<String, String> env) {
    SchoolMap schools =
        env.containsKey(SCHOOLS)
            ? SchoolMap.parse(env.get(SCHOOLS))
            : file.get("schools") instanceof JsonNode node ? SchoolMap.of(node) : SchoolMap.NONE;
    return new SlackSettings(
        pick(file, env, "bot_token", BOT_TOKEN),
        pick(file, env, "signing_secret", SIGNING_SECRET),
        pick(file, env, "app_token", APP_TOKEN),
        pick(file, env, "api_url", API_URL),
        schools);
  }

  private static String pick(Map<String, Object> file, Map<String, String> env, String key, String var) {
    if (env.containsKey(var)) {
      return env.get(var);
    }
    Object v = file.get(key);
    if (v instanceof JsonNode node) {
      return node.isNull() ? "" : node.asText();
    }
    return v == null ? "" : String.valueOf(v);
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  /** Secrets never reach a log line. */
  @Override
  public String toString() {
    return "SlackSettings[mode=" + mode() + ", apiUrl=" + apiUrl + ", schools=" + schools + "]";
  }

  /** Which schools a workspace (T...) or channel (C..., G...) asks for. */
  public record SchoolMap(Map<String, List<String>> byId) {
    /** No mapping: every school in the corpus is a candidate. */
    public static final SchoolMap NONE = new SchoolMap(Map.of());

    public SchoolMap {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      byId.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      byId = Map.copyOf(copy);
    }

    /**
     * Parses {@code T123=glais,C456=moorthorpe}; naming a workspace twice ({@code T123=glais,
     * T123=moorthorpe}) or joining slugs with {@code |} gives it several schools.
     */
    public static SchoolMap parse(String text) {
      Map<String, List<String>> map = new LinkedHashMap<>();
      if (text == null || text.isBlank()) {
        return NONE;
      }
      for (String pair : text.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new Config.ConfigException(
              SCHOOLS + " entries look like T123=glais or C456=moorthorpe, not '" + pair.strip() + "'");
        }
        String id = pair.substring(0, eq).strip();
        for (String slug : pair.substring(eq + 1).split("\\|")) {
          add(map, id, slug.strip());
        }
      }
      return new SchoolMap(map);
    }

    /** The YAML form: {@code T123: glais} or {@code T123: [glais, moorthorpe]}. */
    static SchoolMap of(JsonNode node) {
      Map<String, List<String>> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> add(map, e.getKey(), v.asText().strip()));
        } else {
          add(map, e.getKey(), e.getValue().asText().strip());
        }
      }
      return new SchoolMap(map);
    }

    private static void add(Map<String, List<String>> map, String id, String slug) {
      if (slug.isEmpty()) {
        return;
      }
      List<String> slugs = new ArrayList<>(map.getOrDefault(id, List.of()));
      if (!slugs.contains(slug)) {
        slugs.add(slug);
      }
      map.put(id, slugs);
    }

    /**
     * The schools a person here may be asking about: the channel's, else the workspace's, else
     * {@code fallback} (the configured default school, or every school in the corpus).
     */
    public List<String> candidates(String team, String channel, List<String> fallback) {
      if (channel != null && byId.containsKey(channel)) {
        return byId.get(channel);
      }
      if (team != null && byId.containsKey(team)) {
        return byId.get(team);
      }
      return fallback;
    }
  }
}
