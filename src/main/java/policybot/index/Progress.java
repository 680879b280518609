package policybot.index;

/** Where long work reports how far it has got. */
@FunctionalInterface
public interface Progress {
  void report(String message);

  static Progress silent() {
    return m -> {};
  }
}
