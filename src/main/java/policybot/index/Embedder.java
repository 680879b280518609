package policybot.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * In-process sentence embeddings (all-MiniLM-L6-v2 through langchain4j). The model loads on first
 * use, because opening an unchanged index should not pay the ~1 s model load.
 */
public final class Embedder {
  /** Width of all-MiniLM-L6-v2 vectors. */
  public static final int DIMENSIONS = 384;

  /**
   * Most word pieces in one model run of {@link #embedAll}: enough that reading the weights once
   * per run is a small part of it, few enough that a run's activations stay a few megabytes and a
   * large group of same-length texts still spreads over the cores.
   */
  static final int MAX_RUN_TOKENS = 2048;

  /**
   * What reading the model's weights once per run costs, in tokens of text (measured: about 4 ms a
   * run against 0.2 ms a token on one core); only orders the runs.
   */
  private static final int RUN_OVERHEAD_TOKENS = 20;

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

  /** This embedder's background warm-up, once started. */
  private final AtomicReference<CompletableFuture<Void>> warming = new AtomicReference<>();

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
  public CompletableFuture<Void> warmUpInBackground() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!warming.compareAndSet(null, done)) {
      return warming.get();
    }
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
    return embedQueries(List.of(text)).get(0);
  }

  /**
   * The vectors of a few texts for one question (as asked and widened with the policies' wording):
   * those not cached are embedded together in one model run, padded to the longest, because a run
   * costs about as much for the weights it reads as for 15 tokens of text. A question with a
   * widened form took 1.5-2 ms less this way than in two runs.
   */
  public List<float[]> embedQueries(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    List<MiniLm.Encoded> encoded = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = queryCache.get(texts.get(i));
      if (out[i] == null) {
        MiniLm.Encoded e = model().encode(texts.get(i));
        if (e == null) {
          out[i] = model().embedWhole(texts.get(i));
          queryCache.put(texts.get(i), out[i]);
        } else {
          missing.add(i);
          encoded.add(e);
        }
      }
    }
    if (!encoded.isEmpty()) {
      float[][] vectors = model().embedRun(encoded);
      for (int j = 0; j < vectors.length; j++) {
        out[missing.get(j)] = vectors[j];
        queryCache.put(texts.get(missing.get(j)), vectors[j]);
      }
    }
    return Arrays.asList(out);
  }

  /**
   * Embeds many texts on the model's pool, reporting after each run how many are done. Texts of
   * the same length in word pieces share a run (no padding, so each gets the vector it gets alone):
   * a run reads all of the model's weights, which costs about as much as 20 tokens of text, so the
   * seed corpus's 480 texts in 95 runs took 15% less CPU than one run each. The costliest runs go
   * first, so the last ones left when the queue empties are short and no core waits long for the
   * other.
   */
  public List<float[]> embedAll(List<String> texts, IntConsumer done) {
    MiniLm m = model();
    List<Run> runs = runs(encodeAll(m, texts));
    CompletionService<Embedded> results = new ExecutorCompletionService<>(m.pool());
    List<Future<Embedded>> pending =
        runs.stream().map(run -> results.submit(() -> new Embedded(run, run.embed(m, texts)))).toList();
    float[][] out = new float[texts.size()][];
    try {
      int finished = 0;
      for (int i = 0; i < runs.size(); i++) {
        Embedded e = results.take().get();
        int[] which = e.run().texts();
        for (int j = 0; j < which.length; j++) {
          out[which[j]] = e.vectors()[j];
        }
        finished += which.length;
        done.accept(finished);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pending.forEach(f -> f.cancel(false)); // after a failure, the runs not yet started are not run
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

  /**
   * The runs that embed every text: texts of one length together, at most {@link #MAX_RUN_TOKENS}
   * tokens a run, costliest first; a text with no encoding is a run of its own.
   */
  private static List<Run> runs(MiniLm.Encoded[] encoded) {
    Map<Integer, List<Integer>> byLength = new TreeMap<>();
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < encoded.length; i++) {
      if (encoded[i] == null) {
        runs.add(new Run(new int[] {i}, null));
      } else {
        byLength.computeIfAbsent(encoded[i].length(), k -> new ArrayList<>()).add(i);
      }
    }
    byLength.forEach(
        (length, same) -> {
          int perRun = Math.max(1, MAX_RUN_TOKENS / length);
          for (int from = 0; from < same.size(); from += perRun) {
            List<Integer> part = same.subList(from, Math.min(same.size(), from + perRun));
            runs.add(new Run(part.stream().mapToInt(Integer::intValue).toArray(), part.stream().map(i -> encoded[i]).toList()));
          }
        });
    runs.sort(Comparator.comparingLong(Run::cost).reversed());
    return runs;
  }

  /** Texts embedded in one model run: the same length in word pieces, or one text langchain4j embeds. */
  private record Run(int[] texts, List<MiniLm.Encoded> encoded) {
    /** Relative cost, to order runs: the tokens read plus the weights read once per run. */
    long cost() {
      if (encoded == null) {
        return Long.MAX_VALUE; // long enough to be split by langchain4j: the longest there is
      }
      return (long) texts.length * encoded.get(0).length() + RUN_OVERHEAD_TOKENS;
    }

    float[][] embed(MiniLm m, List<String> all) {
      if (encoded == null) {
        return new float[][] {m.embedWhole(all.get(texts[0]))};
      }
      return m.embedRun(encoded);
    }
  }

  private record Embedded(Run run, float[][] vectors) {}
}
