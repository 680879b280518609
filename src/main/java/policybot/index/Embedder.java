package policybot.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Clauses embedded per model call: large enough to batch, small enough to report progress. */
  private static final int BATCH = 32;

  private volatile EmbeddingModel model;
  private final Map<String, float[]> queryCache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
              return size() > QUERY_CACHE_SIZE;
            }
          });

  private EmbeddingModel model() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          model = new AllMiniLmL6V2EmbeddingModel();
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
   * Embeds many texts, reporting how many are done after each batch. Texts are embedded shortest
   * first, because a batch is padded to its longest text: mixing a two-word bullet with a
   * 300-word paragraph would make the bullet cost as much as the paragraph.
   */
  public List<float[]> embedAll(List<String> texts, IntConsumer done) {
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> texts.get(i).length()));
    float[][] out = new float[texts.size()][];
    int finished = 0;
    for (int i = 0; i < order.length; i += BATCH) {
      int end = Math.min(order.length, i + BATCH);
      List<TextSegment> batch = new ArrayList<>(end - i);
      for (int j = i; j < end; j++) {
        batch.add(TextSegment.from(texts.get(order[j])));
      }
      var embeddings = model().embedAll(batch).content();
      for (int j = i; j < end; j++) {
        out[order[j]] = embeddings.get(j - i).vector();
      }
      finished = end;
      done.accept(finished);
    }
    return java.util.Arrays.asList(out);
  }
}
