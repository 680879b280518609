package policybot.index;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

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
   * The model, loaded when first asked for and then shared by every embedder in the process (a
   * failed load is tried again on the next call).
   */
  private static volatile MiniLm model;

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

  /** Loads the model now, e.g. in the background while a server starts. */
  public void warmUp() {
    model();
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
    float[] v = model().embed(text).content().vector();
    queryCache.put(text, v);
    return v;
  }

  /**
   * Embeds many texts on the model's pool, one text per run, reporting after each text how many
   * are done. The longest go first, so the last runs left when the queue empties are short ones
   * and no core waits long for another to finish.
   */
  public List<float[]> embedAll(List<String> texts, IntConsumer done) {
    MiniLm m = model();
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
}
