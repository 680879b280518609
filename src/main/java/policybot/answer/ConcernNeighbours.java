package policybot.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.lucene.util.Constants;
import org.apache.lucene.util.VectorUtil;
import policybot.index.Embedder;

/**
 * The safeguarding check by example: a message is a concern when the labelled wordings nearest to
 * it in meaning (the search's all-MiniLM-L6-v2 vectors) are concerns rather than ordinary staff
 * questions. It backs up {@link SafeguardingCheck}'s word lists, which miss concerns told in words
 * they lack ("she flinches when anyone raises their voice"); a concern either check finds goes to
 * the DSL.
 *
 * <p>The examples are the wordings of {@code src/test/resources/safeguarding/}, written by helpers
 * in fresh batches, shipped with their vectors as {@value #RESOURCE} so that starting needs no
 * model runs; regenerate it with {@code ConcernExamplesWriter} (test sources) after editing the
 * lists ({@code ConcernNeighboursTest} fails until then). Eval questions are never examples, so the
 * question sets still measure it.
 *
 * <p>The three settings were chosen on the examples each left out in turn and on the eleven
 * question sets (none of their 645 usage questions sent to the DSL) before two fresh batches were
 * scored: there the word lists alone caught 69 of 80 concerns, and with this check 77, with no
 * more of 160 ordinary questions about children wrongly caught (3 either way). A third batch,
 * scored after the first two had joined the examples: 33 of 40 by the lists, 37 with this check,
 * 2 of 80 ordinary questions wrongly caught either way; a fourth at the session's end: 32 by the
 * lists, 38 with this check, none of 80 wrongly caught. A single nearest wording decides worse
 * than an average (the first 974 examples, each left out: 277 concerns caught and 10 ordinary
 * questions wrongly caught, against 287 and 7 for five): one odd example on either side swings it.
 *
 * <p>Session 14 added two more batches (1,694 examples) and checked the settings again, each
 * example left out in turn and the thirteen question sets' 37 disclosures and 755 usage questions:
 * these settings catch 510 of 579 concerns and 9 of 1,115 ordinary questions, and send one usage
 * question to the DSL (one of the blind eighth set's, unread). A floor of 0.55 keeps it out but
 * catches 51 fewer concerns; a margin of 0.03 catches 12 more and sends two more usage questions.
 */
final class ConcernNeighbours {
  /** How many nearest wordings of each kind are averaged. */
  static final int NEIGHBOURS = 5;

  /** How much closer, on average, the nearest concerns must be than the nearest ordinary questions. */
  static final double MARGIN = 0.05;

  /** The nearest concern must be at least this close: below it the message resembles neither kind. */
  static final double FLOOR = 0.50;

  static final String RESOURCE = "concern-examples.tsv";

  static final String CONCERN = "concern";
  static final String ORDINARY = "ordinary";

  /** One labelled wording and its vector. */
  record Example(boolean concern, String text, float[] vector) {
    Example {
      if (vector.length != Embedder.DIMENSIONS) {
        throw new IllegalArgumentException("a vector of " + vector.length + " numbers for: " + text);
      }
    }
  }

  private static final class Shipped {
    static final ConcernNeighbours INSTANCE = new ConcernNeighbours(load());
  }

  private final List<Example> examples;

  /**
   * Each kind's vectors end to end in one array, read straight through for each message. With each
   * vector an array of its own a first-time question took 0.15–0.28 ms longer (medians of paired
   * asks of the development set, 20–25 rounds, on a quiet and a busy machine), though the loop
   * alone, timed on its own, differed by a few microseconds: presumably the arrays lay scattered over
   * the heap, and a model run had just pushed them out of the caches.
   */
  private final Rows concerns;

  private final Rows ordinary;

  ConcernNeighbours(List<Example> examples) {
    this.examples = List.copyOf(examples);
    this.concerns = Rows.of(this.examples, true);
    this.ordinary = Rows.of(this.examples, false);
  }

  /**
   * One kind's example vectors, {@link Embedder#DIMENSIONS} numbers each, end to end.
   *
   * @param places each vector's example, by its place in {@link #examples()}
   */
  private record Rows(float[] vectors, int[] places) {
    static Rows of(List<Example> examples, boolean concern) {
      int[] places = IntStream.range(0, examples.size()).filter(i -> examples.get(i).concern() == concern).toArray();
      float[] vectors = new float[places.length * Embedder.DIMENSIONS];
      for (int r = 0; r < places.length; r++) {
        System.arraycopy(examples.get(places[r]).vector(), 0, vectors, r * Embedder.DIMENSIONS, Embedder.DIMENSIONS);
      }
      return new Rows(vectors, places);
    }
  }

  /** The check over the shipped examples, loaded on first use. */
  static ConcernNeighbours shipped() {
    return Shipped.INSTANCE;
  }

  List<Example> examples() {
    return examples;
  }

  /** Whether a message, given as its vector, resembles the concerns more than the ordinary questions. */
  boolean resemblesConcern(float[] message) {
    return resemblesConcern(message, -1);
  }

  /**
   * As {@link #resemblesConcern(float[])}, leaving one example out: the tests ask it of each
   * example's own vector, which would otherwise find itself.
   *
   * @param skip the example to leave out, by its place in {@link #examples()}, or -1 for none
   */
  boolean resemblesConcern(float[] message, int skip) {
    double[] concerns = nearest(message, skip, true);
    // most messages are nothing like a concern: then the ordinary examples need not be read
    if (concerns[0] < FLOOR) {
      return false;
    }
    return mean(concerns) - mean(nearest(message, skip, false)) >= MARGIN;
  }

  /** The similarities of the nearest examples of one kind, best first. */
  private double[] nearest(float[] message, int skip, boolean concern) {
    int[] places = (concern ? concerns : ordinary).places();
    float[] similarities = similarities(message, concern);
    double[] best = new double[NEIGHBOURS];
    Arrays.fill(best, -1);
    for (int r = 0; r < similarities.length; r++) {
      if (places[r] != skip) {
        keepBest(best, similarities[r]);
      }
    }
    return best;
  }

  /** The message's similarity to each example of one kind, in their order in {@link #examples()}. */
  float[] similarities(float[] message, boolean concern) {
    if (message.length != Embedder.DIMENSIONS) {
      throw new IllegalArgumentException("a message vector of " + message.length + " numbers");
    }
    Rows rows = concern ? concerns : ordinary;
    float[] out = new float[rows.places().length];
    for (int r = 0; r < out.length; r++) {
      out[r] = dotProduct(message, rows.vectors(), r * Embedder.DIMENSIONS);
    }
    return out;
  }

  /**
   * The message's dot product with the vector starting at {@code from}. {@link
   * VectorUtil#dotProduct} takes whole arrays only, so this sums as it does on Java 17 (four running
   * sums, with fused multiply-adds where Lucene finds them fast, added to zero at the end): each
   * similarity is the same to the bit as when every example had an array of its own. {@link
   * Embedder#DIMENSIONS} is a multiple of four, so Lucene's loop over a remainder has nothing to do.
   */
  private static float dotProduct(float[] message, float[] vectors, int from) {
    float sum1 = 0;
    float sum2 = 0;
    float sum3 = 0;
    float sum4 = 0;
    for (int i = 0; i < message.length; i += 4) {
      sum1 = fma(message[i], vectors[from + i], sum1);
      sum2 = fma(message[i + 1], vectors[from + i + 1], sum2);
      sum3 = fma(message[i + 2], vectors[from + i + 2], sum3);
      sum4 = fma(message[i + 3], vectors[from + i + 3], sum4);
    }
    float total = 0;
    total += sum1 + sum2 + sum3 + sum4;
    return total;
  }

  private static float fma(float a, float b, float c) {
    return Constants.HAS_FAST_SCALAR_FMA ? Math.fma(a, b, c) : a * b + c;
  }

  /** Puts a similarity among the best so far, kept in descending order. */
  private static void keepBest(double[] best, double similarity) {
    int at = best.length - 1;
    if (similarity <= best[at]) {
      return;
    }
    while (at > 0 && best[at - 1] < similarity) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = similarity;
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  /**
   * One example as a line of {@value #RESOURCE}: its label, its vector as 8-bit numbers scaled by
   * its largest value, and its text. Against the vectors the model gives, the stored ones keep a
   * cosine of at least 0.9999, and a similarity to another wording moves by at most 0.0015 (all
   * 1,334 examples of mid-session 13), far inside {@link #MARGIN}.
   */
  static String line(boolean concern, String text, float[] vector) {
    float largest = 0;
    for (float x : vector) {
      largest = Math.max(largest, Math.abs(x));
    }
    float scale = largest == 0 ? 1 : largest / 127f;
    byte[] bytes = new byte[vector.length];
    for (int i = 0; i < vector.length; i++) {
      bytes[i] = (byte) Math.round(vector[i] / scale);
    }
    return String.join("\t", concern ? CONCERN : ORDINARY, Float.toString(scale), Base64.getEncoder().encodeToString(bytes), text);
  }

  static Example parse(String line) {
    String[] parts = line.split("\t", 4);
    if (parts.length != 4 || !(parts[0].equals(CONCERN) || parts[0].equals(ORDINARY))) {
      throw new IllegalStateException(RESOURCE + " has a malformed line: " + line.substring(0, Math.min(60, line.length())));
    }
    float scale = Float.parseFloat(parts[1]);
    byte[] bytes = Base64.getDecoder().decode(parts[2]);
    float[] vector = new float[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      vector[i] = bytes[i] * scale;
    }
    return new Example(parts[0].equals(CONCERN), parts[3], vector);
  }

  private static List<Example> load() {
    try (InputStream in = ConcernNeighbours.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<Example> out = new ArrayList<>();
      for (String l : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(parse(l));
        }
      }
      if (out.stream().noneMatch(Example::concern) || out.stream().allMatch(Example::concern)) {
        throw new IllegalStateException(String.format(Locale.ROOT, "%s needs examples of both kinds, has %d", RESOURCE, out.size()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
