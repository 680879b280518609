package policybot.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database's schema up to date with the SQL scripts under {@code db/migration}. */
public final class Migrations {

  /** Where the scripts live; the same scripts serve SQLite and PostgreSQL. */
  public static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** Applies pending migrations and returns how many ran. */
  public static int apply(String jdbcUrl) {
    try {
      Flyway flyway =
          Flyway.configure()
              .dataSource(jdbcUrl, null, null)
              .locations(LOCATION)
              // an empty classpath location means a broken build, not an empty schema
              .failOnMissingLocations(true)
              .load();
      MigrateResult result = flyway.migrate();
      return result.migrationsExecuted;
    } catch (RuntimeException e) {
      throw new StoreException("cannot migrate the database: " + e.getMessage(), e);
    }
  }
}
