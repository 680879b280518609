package policybot.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for the index's CPU-bound work. */
final class Pools {
  /** One thread per core: the work is CPU-bound, so more threads would only take turns. */
  static final int CORES = Runtime.getRuntime().availableProcessors();

  /** Idle threads end after this, so a process that builds once keeps no spare threads. */
  private static final long IDLE_SECONDS = 10;

  private Pools() {}

  /**
   * A pool of {@link #CORES} daemon threads named {@code name-N}: daemons, so a pool never keeps a
   * finished command's JVM alive.
   */
  static ExecutorService perCore(String name) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            CORES,
            CORES,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
