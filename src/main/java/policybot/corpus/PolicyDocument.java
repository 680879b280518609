package policybot.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A parsed policy: its metadata, the hash of the file it came from and its clauses in order.
 *
 * @param school school slug
 * @param meta what the school's metadata says about it
 * @param contentHash SHA-256 of the file bytes; the index and rulings key on it
 * @param clauses the clauses, in document order, each stored once
 */
public record PolicyDocument(String school, PolicyMeta meta, String contentHash, List<Clause> clauses) {
  public PolicyDocument {
    Objects.requireNonNull(school, "school");
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(contentHash, "contentHash");
    clauses = List.copyOf(clauses);
  }

  public String id() {
    return meta.id();
  }
}
