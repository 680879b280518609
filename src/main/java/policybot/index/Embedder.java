package policybot.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * In-process sentence embeddings (all-MiniLM-L6-v2, quantized, through langchain4j). The model
 * loads on first use, because opening an unchanged index should not pay the model load.
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
   * The model, loaded when first asked for and then shared by every embedder in the process (a
   * failed load is tried again on the next call).
   */
  private static volatile MiniLm model;

  /** This embedder's background warm-up, once started; guarded by this embedder's lock. */
  private CompletableFuture<Void> warming;

  private static MiniLm model() {
    MiniLm m = model;
    if (m == null) {
      synchronized (Embedder.class) {
        if (model == null) {
          model = MiniLm.load();
        }
        m = model;
      }
    }
    return m;
  }

  /**
   * Loads the model and runs it once, e.g. in the background while a server starts, so the first
   * question pays neither the load nor ONNX's first-run set-up.
   */
  public void warmUp() {
    model().embedOne("warm up");
  }

  /**
   * {@link #warmUp()} on a daemon thread of its own, so the load overlaps opening or building the
   * index; started once per embedder, so a command that warms up while its build also finds a file
   * to embed starts one thread, and later calls return the same future. A failure only leaves the
   * model to load on the first question, which reports it.
   */
  public synchronized CompletableFuture<Void> warmUpInBackground() {
    if (warming == null) {
      warming = Pools.onOwnThread("embedder-warm-up", () -> {
        warmUp();
        return null;
      });
    }
    return warming;
  }

  /** Empties the question-vector cache, so the bench can time asks that pay their embedding. */
  public void forgetQueries() {
    queryCache.clear();
  }

  public float[] embedQuery(String text) {
    return embedQueries(List.of(text)).get(0);
  }

  /**
   * The vectors of a few texts for one question (as asked and widened with the policies' wording),
   * worked out now: {@link #startQueries} and at once {@link Queries#join}.
   */
  public List<float[]> embedQueries(List<String> texts) {
    return startQueries(texts).join();
  }

  /**
   * Starts working out the vectors of a few texts for one question, to be collected with {@link
   * Queries#join} once the caller has done the work that needs none of them. Those not cached run
   * side by side, one model run each on its own core: every one but the first starts on the pool
   * now, and the first runs on the calling thread when it joins. A question with a widened form
   * then costs little more than one without: measured on a 2-core machine (a 22-token question and
   * its 24-token widened form, medians), the question alone 2.2 ms, the pair padded into one run
   * 4.6 ms, side by side 2.6 ms. Each vector is then the one its text gets alone.
   */
  public Queries startQueries(List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = queryCache.get(texts.get(i));
      if (vectors[i] == null) {
        missing.add(i);
      }
    }
    List<CompletableFuture<float[]>> onPool =
        missing.size() < 2 ? List.of() : missing.subList(1, missing.size()).stream().map(i -> model().embedOnPool(texts.get(i))).toList();
    return new Queries(texts, vectors, missing, onPool);
  }

  /** A question's vectors on their way ({@link #startQueries}); joined once. */
  public final class Queries {
    private final List<String> texts;
    private final float[][] vectors;
    /** The texts not cached, by their place in {@link #texts}: the first is left to {@link #join}. */
    private final List<Integer> missing;
    /** The model runs of the other texts not cached, in the order of {@link #missing}. */
    private final List<CompletableFuture<float[]>> onPool;

    private Queries(List<String> texts, float[][] vectors, List<Integer> missing, List<CompletableFuture<float[]>> onPool) {
      this.texts = texts;
      this.vectors = vectors;
      this.missing = missing;
      this.onPool = onPool;
    }

    /**
     * The vectors in the texts' order: the first text not cached is embedded on the calling thread,
     * then the pool's runs are awaited.
     */
    public List<float[]> join() {
      if (!missing.isEmpty()) {
        vectors[missing.get(0)] = model().embedOne(texts.get(missing.get(0)));
      }
      try {
        for (int j = 1; j < missing.size(); j++) {
          vectors[missing.get(j)] = onPool.get(j - 1).join();
        }
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      for (int i : missing) {
        queryCache.put(texts.get(i), vectors[i]);
      }
      return Arrays.asList(vectors);
    }
  }

  /**
   * Embeds many texts on the model's pool, one model run each ({@link MiniLm#embedRun} says why
   * texts never share a run), reporting after each how many are done. The longest go first, so
   * the last ones left when the queue empties are short and no core waits long for the other.
   */
  public List<float[]> embedAll(List<String> texts, IntConsumer done) {
    MiniLm m = model();
    MiniLm.Encoded[] encoded = encodeAll(m, texts);
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    // a text with no encoding is one langchain4j may split into several runs: the costliest
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> encoded[i] == null ? Integer.MAX_VALUE : encoded[i].length()).reversed());
    CompletionService<Integer> results = new ExecutorCompletionService<>(m.pool());
    float[][] out = new float[texts.size()][];
    List<Future<Integer>> pending =
        Arrays.stream(order)
            .map(i -> results.submit(() -> {
              out[i] = encoded[i] == null ? m.embedWhole(texts.get(i)) : m.embedRun(encoded[i]);
              return i;
            }))
            .toList();
    try {
      for (int finished = 1; finished <= order.length; finished++) {
        results.take().get();
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

  /** Each text's model input (null for one only langchain4j's own path embeds), tokenized on all cores. */
  private static MiniLm.Encoded[] encodeAll(MiniLm m, List<String> texts) {
    MiniLm.Encoded[] encoded = new MiniLm.Encoded[texts.size()];
    int chunk = Math.max(1, (texts.size() + Pools.CORES - 1) / Pools.CORES);
    List<Future<?>> parts = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += chunk) {
      int start = from;
      int end = Math.min(texts.size(), from + chunk);
      parts.add(m.pool().submit(() -> {
        for (int i = start; i < end; i++) {
          encoded[i] = m.encode(texts.get(i));
        }
      }));
    }
    try {
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tokenizing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    return encoded;
  }
}
