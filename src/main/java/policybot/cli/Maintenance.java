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
import policybot.store.Dedup;
import policybot.store.Retention;

/**
 * The server's background housekeeping: a frequent overdue sweep, which records reminders and
 * hand-overs and hands them to the channels (Slack DMs them) to deliver, and a daily retention
 * purge of personal data, which also forgets delivery ids no platform will redeliver.
 */
final class Maintenance implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

  /** Retention is counted in days, so once a day is enough. */
  static final Duration DAILY = Duration.ofDays(1);

  /**
   * A case overdue after one working day is reminded within this much of its deadline; the sweep
   * is one indexed query over open cases, so running it this often costs nothing noticeable.
   */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(5);

  /** The first run waits a little, so start-up (and the index load) is not slowed by it. */
  static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

  private final Retention retention;
  private final Dedup dedup;
  private final Escalations escalations;
  private final Overdue overdue;
  private final ScheduledExecutorService scheduler;

  /** Sweeps every {@link #SWEEP_EVERY} and purges daily, first a minute after start. */
  static Maintenance start(Retention retention, Dedup dedup, Escalations escalations, Overdue overdue) {
    return new Maintenance(retention, dedup, escalations, overdue, FIRST_RUN_AFTER, SWEEP_EVERY, DAILY);
  }

  /** Sweeps every {@code sweepEvery} and purges every {@code purgeEvery}, first after {@code firstAfter}; tests pass milliseconds. */
  Maintenance(
      Retention retention,
      Dedup dedup,
      Escalations escalations,
      Overdue overdue,
      Duration firstAfter,
      Duration sweepEvery,
      Duration purgeEvery) {
    this.retention = retention;
    this.dedup = dedup;
    this.escalations = escalations;
    this.overdue = overdue;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "policybot-maintenance");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::purgeOnce, firstAfter.toMillis(), purgeEvery.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::sweepOnce, firstAfter.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One purge. Never throws: an exception would cancel every later run of a scheduled task. */
  void purgeOnce() {
    try {
      int deliveries = dedup.forgetOld();
      Retention.Purged purged = retention.purge();
      log.atInfo()
          .addKeyValue("cases", purged.cases())
          .addKeyValue("feedback", purged.feedback())
          .addKeyValue("deliveries_forgotten", deliveries)
          .log("retention purge done");
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("retention purge failed; it runs again tomorrow");
    }
  }

  /** One overdue sweep; never throws, as above. */
  void sweepOnce() {
    try {
      // recorded, then handed to the channels (CaseEvents.nudged) to deliver
      List<Nudge> nudges = escalations.sweepOverdue(overdue);
      if (!nudges.isEmpty()) {
        log.atInfo().addKeyValue("nudges", nudges.size()).log("overdue sweep done");
      }
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("overdue sweep failed; it runs again in " + SWEEP_EVERY.toMinutes() + " minutes");
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
