package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(6, now::get);

  @Test
  void should_allow_a_burst_of_the_whole_allowance_then_say_how_long_to_wait() {
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire("10.0.0.1")).isZero();
    }

    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(10);
  }

  @Test
  void should_give_back_one_question_per_sixtieth_of_the_allowance() {
    for (int i = 0; i < 6; i++) {
      limiter.acquire("10.0.0.1");
    }

    advance(Duration.ofSeconds(9));
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(1);
    advance(Duration.ofSeconds(1));
    assertThat(limiter.acquire("10.0.0.1")).isZero();
    assertThat(limiter.acquire("10.0.0.1")).isEqualTo(10);
  }

  @Test
  void should_keep_clients_apart() {
    for (int i = 0; i < 6; i++) {
      limiter.acquire("10.0.0.1");
    }

    assertThat(limiter.acquire("10.0.0.2")).isZero();
  }

  @Test
  void should_never_hold_more_than_the_allowance_after_a_long_quiet_spell() {
    limiter.acquire("10.0.0.1");
    advance(Duration.ofHours(5));

    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire("10.0.0.1")).isZero();
    }
    assertThat(limiter.acquire("10.0.0.1")).isPositive();
  }

  @Test
  void should_forget_clients_that_have_gone_quiet() {
    for (int i = 0; i < 100; i++) {
      limiter.acquire("10.0.0." + i);
    }

    advance(Duration.ofMinutes(2));
    limiter.acquire("10.0.1.1");

    assertThat(limiter.clients()).isEqualTo(1);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }
}
