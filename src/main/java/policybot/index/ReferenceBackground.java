package policybot.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * How much a question sounds like school ICT policy in general, whatever it asks: its dot product
 * with the mean vector of the five sample policies' clauses (each clause's vectors with and without
 * its heading averaged), shipped as {@code reference-centroid.txt}. The confidence check measures
 * how far the best clause stands out above this.
 *
 * <p>Until session 11 the background was the question's mean cosine over the asking school's own
 * clauses. That made the check depend on how varied a school's policy is: Eyrescroft's 16 "I will
 * ..." clauses are all close to any ICT question, so its best clause stood out little and 19 of its
 * 45 answerable questions in the read sets escalated, while Glais's 183 clauses on many topics made
 * everything stand out (1 of 66 escalated, but 6 of its 18 unanswerable ones answered). Against
 * one fixed reference, on the five read question sets through the whole engine ({@code
 * ThresholdSweep}), 39 answerable questions escalate for 15 unanswerable ones answered, against 52
 * for 16; on the four blind sets 21 for 15 against 26 for 13. The reference is fixed rather than
 * the whole served corpus so that one school's answers never depend on which other schools are
 * installed, and a single-school install gets the same calibration.
 */
public final class ReferenceBackground {
  /** The shipped centroid; regenerate with {@code ReferenceCentroid} (test sources) when the model or splitting changes. */
  static final String RESOURCE = "reference-centroid.txt";

  private static final float[] CENTROID = load();

  private ReferenceBackground() {}

  /** The question vector's dot product with the reference centroid. */
  public static double of(float[] question) {
    return VectorUtil.dotProduct(question, CENTROID);
  }

  static float[] centroid() {
    return CENTROID.clone();
  }

  private static float[] load() {
    try (InputStream in = ReferenceBackground.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<String> numbers =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      if (numbers.size() != Embedder.DIMENSIONS) {
        throw new IllegalStateException(RESOURCE + " holds " + numbers.size() + " numbers, not " + Embedder.DIMENSIONS);
      }
      float[] out = new float[numbers.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Float.parseFloat(numbers.get(i));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
