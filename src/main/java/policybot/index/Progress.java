package policybot.index;

/** Where long work reports how far it has got. */
@FunctionalInterface
public interface Progress {
  void report(String message);

  /**
   * One phase of an index refresh took {@code millis}: "read" (parse and split the changed files),
   * "embed" (embed their clauses), "write" (add them to the index and commit) and "open". The
   * bench prints these so a slow cold build says where its time went.
   */
  default void phase(String name, long millis) {}

  static Progress silent() {
    return m -> {};
  }
}
