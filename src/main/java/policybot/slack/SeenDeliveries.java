package policybot.slack;

import java.util.List;
import policybot.store.Dedup;

/**
 * The Slack deliveries already taken (event ids, client message ids, button presses), kept in the
 * shared store so every instance on one database agrees and a retry is answered once in all.
 */
final class SeenDeliveries {
  /** The store's name for Slack's keys. */
  static final String SOURCE = "slack";

  private final Dedup dedup;

  SeenDeliveries(Dedup dedup) {
    this.dedup = dedup;
  }

  /** True the first time {@code key} is seen, false for a retry or a duplicate. */
  boolean firstTime(String key) {
    return dedup.firstSeen(SOURCE, key);
  }

  /**
   * Records every key of one delivery (its event id and its message's client id); true only if
   * none was seen before, so the same message arriving under two events is answered once.
   */
  boolean firstTime(List<String> keys) {
    boolean fresh = true;
    for (String key : keys) {
      fresh &= firstTime(key);
    }
    return fresh;
  }

  /** Forgets a delivery that was not taken after all, so Slack's retry of it is answered. */
  void forget(List<String> keys) {
    keys.forEach(key -> dedup.forget(SOURCE, key));
  }
}
