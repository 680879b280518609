package policybot.store;

import java.util.Locale;

/** The two databases Policy Bot runs on, told apart by the JDBC URL. */
public enum Dialect {
  SQLITE("jdbc:sqlite:"),
  POSTGRESQL("jdbc:postgresql:");

  private final String urlPrefix;

  Dialect(String urlPrefix) {
    this.urlPrefix = urlPrefix;
  }

  /** The dialect a JDBC URL names. */
  public static Dialect of(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    for (Dialect d : values()) {
      if (lower.startsWith(d.urlPrefix)) {
        return d;
      }
    }
    throw new StoreException(
        "unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB): " + jdbcUrl);
  }

  String urlPrefix() {
    return urlPrefix;
  }
}
