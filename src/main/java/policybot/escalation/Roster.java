package policybot.escalation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import policybot.store.Store;

/** Each school's reviewers, kept in the store so every instance of a trust agrees on them. */
public final class Roster {

  private final Store store;
  private final Clock clock;

  public Roster(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sets a school's reviewers, replacing any before. Open cases keep their assigned reviewer. */
  public void put(Reviewers reviewers) {
    long now = clock.millis();
    store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO reviewers (school, head, deputy, dsl, updated_at) VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT (school) DO UPDATE SET head = excluded.head,"
                      + " deputy = excluded.deputy, dsl = excluded.dsl, updated_at = excluded.updated_at")) {
            ps.setString(1, reviewers.school());
            ps.setString(2, reviewers.head());
            ps.setString(3, reviewers.deputy());
            ps.setString(4, reviewers.dsl());
            ps.setLong(5, now);
            return ps.executeUpdate();
          }
        });
  }

  public Optional<Reviewers> of(String school) {
    return store.read(c -> load(c, school));
  }

  public List<Reviewers> all() {
    return store.read(
        c -> {
          List<Reviewers> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT school, head, deputy, dsl FROM reviewers ORDER BY school");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(row(rs));
            }
          }
          return out;
        });
  }

  static Optional<Reviewers> load(Connection c, String school) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT school, head, deputy, dsl FROM reviewers WHERE school = ?")) {
      ps.setString(1, school);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static Reviewers row(ResultSet rs) throws SQLException {
    return new Reviewers(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }
}
