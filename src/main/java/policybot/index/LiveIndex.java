package policybot.index;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index questions are answered from. It is built in the background, so the server is up (and
 * not ready) at once; the corpus folder is polled and a changed file leads to a rebuild that is
 * swapped in atomically while questions go on being answered from the old index.
 */
public final class LiveIndex implements Supplier<ClauseIndex>, MeterBinder, Closeable {
  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);

  /** A swapped-out index stays open this long, far more than one question takes to answer. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

  /**
   * After a change is seen, wait this long and look again before rebuilding, so a file still being
   * copied in is not indexed half-written.
   */
  static final Duration SETTLE = Duration.ofMillis(300);

  /** A build of a school-sized corpus finishes well within this; past it, shutdown stops waiting. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

  private final Path corpus;
  private final Path indexDir;
  private final Duration closeGrace;
  private final IndexBuilder builder;
  private final AtomicReference<ClauseIndex> current = new AtomicReference<>();
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  /** One thread: builds never overlap, and closing old indexes queues behind them. */
  private final ScheduledThreadPoolExecutor worker =
      new ScheduledThreadPoolExecutor(
          1,
          r -> {
            Thread t = new Thread(r, "policybot-index");
            t.setDaemon(true);
            return t;
          });
  /** Swapped-out indexes waiting out their grace period. */
  private final Set<ClauseIndex> retired = ConcurrentHashMap.newKeySet();
  private volatile CorpusFingerprint built;
  /** Told after each swap, on the index thread. */
  private final List<Consumer<ClauseIndex>> swapListeners =
      new CopyOnWriteArrayList<>();
  /** Only touched on the worker thread. */
  private String lastError;

  private LiveIndex(Path corpus, Path indexDir, Duration closeGrace, Embedder embedder) {
    this.corpus = corpus;
    this.indexDir = indexDir;
    this.closeGrace = closeGrace;
    this.builder = new IndexBuilder(embedder);
  }

  /**
   * Starts building the index from {@code corpus} into {@code indexDir} in the background and then
   * checks the corpus every {@code pollEvery} (zero: never).
   */
  public static LiveIndex start(Path corpus, Path indexDir, Duration pollEvery, Embedder embedder) {
    return start(corpus, indexDir, pollEvery, CLOSE_GRACE, embedder);
  }

  static LiveIndex start(Path corpus, Path indexDir, Duration pollEvery, Duration closeGrace, Embedder embedder) {
    LiveIndex live = new LiveIndex(corpus, indexDir, closeGrace, embedder);
    // a failed warm-up is reported by the first question, which loads the model again
    embedder.warmUpInBackground();
    live.worker.execute(live::poll);
    if (!pollEvery.isZero()) {
      live.worker.scheduleWithFixedDelay(
          live::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
    return live;
  }

  /** The current index. */
  @Override
  public ClauseIndex get() {
    ClauseIndex index = current.get();
    if (index == null) {
      throw new NotReadyException();
    }
    return index;
  }

  public Optional<ClauseIndex> current() {
    return Optional.ofNullable(current.get());
  }

  /** The school's policy content hashes in the index now; empty until the first load. */
  public java.util.Map<String, String> policyHashes(String school) {
    return current().map(i -> i.policyHashes(school)).orElse(java.util.Map.of());
  }

  /**
   * Calls {@code listener} with each index swapped in from now on, the first load included, on the
   * index thread right after the swap (e.g. to flag rulings whose policies changed). A listener's
   * failure is logged and does not stop later rebuilds.
   */
  public void onSwap(Consumer<ClauseIndex> listener) {
    swapListeners.add(Objects.requireNonNull(listener, "listener"));
    // an index loaded before the listener came is told too, on the index thread like every swap
    try {
      worker.execute(() -> current().ifPresent(i -> tell(listener, i)));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: there is nothing more to tell
    }
  }

  public boolean isReady() {
    return current.get() != null;
  }

  /** Waits for the first index; true if it is there within {@code timeout}. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many indexes have been swapped in; the first build is generation 1. */
  public long generation() {
    return generation.get();
  }

  public Path corpus() {
    return corpus;
  }

  /** Raised when a question arrives before the first index is built. */
  public static final class NotReadyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NotReadyException() {
      super("the policy index is still loading");
    }
  }

  private void poll() {
    try {
      CorpusFingerprint seen = CorpusFingerprint.of(corpus);
      if (seen.equals(built)) {
        return;
      }
      if (built != null) {
        Thread.sleep(SETTLE.toMillis());
        if (!seen.equals(CorpusFingerprint.of(corpus))) {
          return; // still changing: the next poll picks it up once it is quiet
        }
      }
      rebuild(seen);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException | LinkageError e) {
      // the old index keeps serving; the fingerprint is not recorded, so the next poll retries.
      // Nothing may escape: an exception thrown out of a scheduled task cancels every later poll.
      failures.incrementAndGet();
      String error = e.toString();
      boolean repeated = error.equals(lastError);
      lastError = error;
      // the same failure every poll would bury the log: say it once, until something changes
      (repeated ? log.atDebug() : log.atWarn())
          .addKeyValue("corpus", corpus)
          .addKeyValue("error", error)
          .log(isReady() ? "index rebuild failed; still answering from the previous index" : "index build failed; will retry");
    }
  }

  private void rebuild(CorpusFingerprint seen) throws IOException {
    long start = System.nanoTime();
    ClauseIndex fresh = builder.refresh(corpus, indexDir, message -> log.debug(message));
    ClauseIndex old = current.getAndSet(fresh);
    built = seen;
    lastError = null;
    long gen = generation.incrementAndGet();
    loaded.countDown();
    fresh.corpus().problems().forEach(p -> log.atWarn().addKeyValue("problem", p).log("policy file skipped"));
    log.atInfo()
        .addKeyValue("generation", gen)
        .addKeyValue("schools", fresh.corpus().schools().size())
        .addKeyValue("clauses", fresh.size())
        .addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
        .log(old == null ? "index loaded" : "index reloaded");
    swapListeners.forEach(listener -> tell(listener, fresh));
    if (old != null) {
      retired.add(old);
      worker.schedule(
          () -> {
            if (retired.remove(old)) {
              closeQuietly(old);
            }
          },
          closeGrace.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private static void tell(Consumer<ClauseIndex> listener, ClauseIndex index) {
    try {
      listener.accept(index);
    } catch (RuntimeException e) {
      // the new index is in and serving; what a listener could not do waits for the next swap
      log.atWarn().addKeyValue("error", e.toString()).log("index swap listener failed");
    }
  }

  private static void closeQuietly(ClauseIndex index) {
    try {
      index.close();
    } catch (IOException | RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not close a swapped-out index");
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("policybot.index.ready", this, l -> l.isReady() ? 1 : 0)
        .description("1 once the policy index is loaded")
        .register(registry);
    Gauge.builder("policybot.index.clauses", this, l -> l.current().map(ClauseIndex::size).orElse(0))
        .description("Clauses in the index being answered from")
        .register(registry);
    Gauge.builder("policybot.index.size", this, l -> l.current().map(ClauseIndex::sizeOnDisk).orElse(0L))
        .description("Bytes the index takes on disk")
        .baseUnit("bytes")
        .register(registry);
    FunctionCounter.builder("policybot.index.loads", generation, AtomicLong::get)
        .description("Indexes built and swapped in, the first load included")
        .register(registry);
    FunctionCounter.builder("policybot.index.failures", failures, AtomicLong::get)
        .description("Rebuilds that failed, leaving the previous index serving")
        .register(registry);
  }

  /** Stops polling, lets a build under way finish, and closes every index still open. */
  @Override
  public void close() {
    worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    worker.shutdown();
    try {
      if (!worker.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("index build still running at shutdown; abandoning it");
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ClauseIndex last = current.getAndSet(null);
    if (last != null) {
      closeQuietly(last);
    }
    retired.forEach(LiveIndex::closeQuietly);
    retired.clear();
  }
}
