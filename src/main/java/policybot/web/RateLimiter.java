package policybot.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each may ask {@code perMinute} questions a minute, in a burst of up to
 * that many, which is what one person asking quickly needs and a script hammering the API does not.
 */
final class RateLimiter {
  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  /** How often idle clients are forgotten; a bucket idle a minute is full again anyway. */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final int perMinute;
  private final long nanosPerToken;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  RateLimiter(int perMinute, LongSupplier nanoTime) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1");
    }
    this.perMinute = perMinute;
    this.nanosPerToken = MINUTE_NANOS / perMinute;
    this.nanoTime = nanoTime;
    this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_EVERY.toNanos());
  }

  RateLimiter(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  /** Takes one question from {@code client}'s allowance: 0 if allowed, else whole seconds to wait. */
  long acquire(String client) {
    long now = nanoTime.getAsLong();
    sweepIfDue(now);
    Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(perMinute, now));
    synchronized (bucket) {
      bucket.refill(now, perMinute, nanosPerToken);
      if (bucket.tokens > 0) {
        bucket.tokens--;
        return 0;
      }
      long wait = nanosPerToken - (now - bucket.refilledAt);
      return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }
  }

  int clients() {
    return buckets.size();
  }

  private void sweepIfDue(long now) {
    long due = nextSweep.get();
    if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY.toNanos())) {
      return;
    }
    buckets.entrySet().removeIf(e -> now - e.getValue().lastSeen() > MINUTE_NANOS);
  }

  private static final class Bucket {
    int tokens;
    long refilledAt;

    Bucket(int tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    void refill(long now, int capacity, long nanosPerToken) {
      long earned = (now - refilledAt) / nanosPerToken;
      if (earned > 0) {
        tokens = (int) Math.min(capacity, tokens + earned);
        refilledAt = tokens == capacity ? now : refilledAt + earned * nanosPerToken;
      }
    }

    /** A bucket last refilled over a minute ago has earned its full allowance back. */
    synchronized long lastSeen() {
      return refilledAt;
    }
  }
}
