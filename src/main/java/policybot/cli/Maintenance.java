package policybot.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.escalation.Escalations;
import policybot.escalation.Nudge;
import policybot.escalation.Overdue;
import policybot.store.Retention;

/**
 * The server's background housekeeping: blanks personal data past the retention period and
 * records overdue reminders and hand-overs. Delivering those nudges to reviewers comes later; for
 * now they are logged.
 */
final class Maintenance implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

  /** Once a day: retention is counted in days and overdue in working days. */
  static final Duration DAILY = Duration.ofDays(1);

  /** The first run waits a little, so start-up (and the index load) is not slowed by it. */
  static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

  private final Retention retention;
  private final Escalations escalations;
  private final Overdue overdue;
  private final ScheduledExecutorService scheduler;

  /** Runs daily, first a minute after start. */
  static Maintenance start(Retention retention, Escalations escalations, Overdue overdue) {
    return new Maintenance(retention, escalations, overdue, FIRST_RUN_AFTER, DAILY);
  }

  /** Runs every {@code every}, first after {@code firstAfter}; tests pass milliseconds. */
  Maintenance(Retention retention, Escalations escalations, Overdue overdue, Duration firstAfter, Duration every) {
    this.retention = retention;
    this.escalations = escalations;
    this.overdue = overdue;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "policybot-maintenance");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::runOnce, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass. Never throws: an exception would cancel every later run of a scheduled task. */
  void runOnce() {
    try {
      Retention.Purged purged = retention.purge();
      log.atInfo().addKeyValue("cases", purged.cases()).addKeyValue("feedback", purged.feedback()).log("retention purge done");
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("retention purge failed; it runs again tomorrow");
    }
    try {
      // recorded, then handed to the channels (CaseEvents.nudged) to deliver
      List<Nudge> nudges = escalations.sweepOverdue(overdue);
      log.atInfo().addKeyValue("nudges", nudges.size()).log("overdue sweep done");
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("overdue sweep failed; it runs again tomorrow");
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
