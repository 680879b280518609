package policybot.index;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * In-process sentence embeddings (all-MiniLM-L6-v2 through langchain4j). The model loads on first
 * use, because opening an unchanged index should not pay the ~1 s model load.
 */
public final class Embedder {
  /** Width of all-MiniLM-L6-v2 vectors. */
  public static final int DIMENSIONS = 384;

  /** Recent question vectors kept; staff ask the same things again and again. */
  private static final int QUERY_CACHE_SIZE = 1024;

  private final Map<String, float[]> queryCache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
              return size() > QUERY_CACHE_SIZE;
            }
          });

  /**
   * The models, each loaded when first asked for and then shared by every embedder in the process
   * (a failed load is tried again on the next call). Two sessions of the same weights, because the
   * ONNX thread count is fixed per session: building the index wants one thread per text with texts
   * side by side, a question wants every core on its one text. An unchanged restart never loads
   * the bulk one.
   */
  private static final OnFirstUse BULK = new OnFirstUse(MiniLm::loadForBulk);

  private static final OnFirstUse QUERIES = new OnFirstUse(MiniLm::loadForQueries);

  /**
   * Loads the question model and runs it once, e.g. in the background while a server starts, so
   * the first question pays neither the load nor ONNX's first-run set-up.
   */
  public void warmUp() {
    QUERIES.get().embed("warm up");
  }

  /** Loads and runs the index-building model, so a timed build does not pay its load. */
  public void warmUpForBuilding() {
    BULK.get().embed("warm up");
  }

  /**
   * {@link #warmUp()} on a daemon thread of its own, so the load overlaps opening or building the
   * index. A failure only leaves the model to load on the first question, which reports it.
   */
  public CompletableFuture<Void> warmUpInBackground() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                warmUp();
                done.complete(null);
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            },
            "embedder-warm-up");
    t.setDaemon(true);
    t.start();
    return done;
  }

  /** Empties the question-vector cache, so the bench can time asks that pay their embedding. */
  public void forgetQueries() {
    queryCache.clear();
  }

  public float[] embedQuery(String text) {
    float[] cached = queryCache.get(text);
    if (cached != null) {
      return cached;
    }
    float[] v = QUERIES.get().embed(text).content().vector();
    queryCache.put(text, v);
    return v;
  }

  /**
   * Embeds many texts on the model's pool, one text per run, reporting after each text how many
   * are done. The longest go first, so the last runs left when the queue empties are short ones
   * and no core waits long for another to finish.
   */
  public List<float[]> embedAll(List<String> texts, IntConsumer done) {
    MiniLm m = BULK.get();
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed());
    CompletionService<Embedded> runs = new ExecutorCompletionService<>(m.pool());
    List<Future<Embedded>> pending =
        Arrays.stream(order)
            .map(i -> runs.submit(() -> new Embedded(i, m.embed(texts.get(i)).content().vector())))
            .toList();
    float[][] out = new float[texts.size()][];
    try {
      for (int finished = 1; finished <= out.length; finished++) {
        Embedded e = runs.take().get();
        out[e.index()] = e.vector();
        done.accept(finished);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pending.forEach(f -> f.cancel(false)); // after a failure, the texts not yet started are not run
    }
    return Arrays.asList(out);
  }

  private record Embedded(int index, float[] vector) {}

  /** A model loaded when first asked for; a failed load is tried again on the next call. */
  private static final class OnFirstUse {
    private final Supplier<MiniLm> load;
    private volatile MiniLm model;

    OnFirstUse(Supplier<MiniLm> load) {
      this.load = load;
    }

    MiniLm get() {
      MiniLm m = model;
      if (m == null) {
        synchronized (this) {
          if (model == null) {
            model = load.get();
          }
          m = model;
        }
      }
      return m;
    }
  }
}
