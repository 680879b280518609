package policybot.index;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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

  /**
   * Runs {@code work} once on a daemon thread of its own named {@code name}, so a slow start-up step
   * (loading the model, inflating its weights) overlaps others without holding a finished
   * command's JVM open; the future completes with its result or its exception.
   */
  static <T> CompletableFuture<T> onOwnThread(String name, Supplier<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                done.complete(work.get());
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return done;
  }
}
