package policybot.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Groups questions by topic from their sentence embeddings: greedy clustering, each question
 * joining the group whose centroid it is most similar to if that similarity reaches {@link
 * #SAME_TOPIC}, else starting a new group. Questions are few (a school's escalations and "not
 * helpful" clicks), so the quadratic pass costs nothing.
 */
final class TopicClusters {

  /**
   * Cosine similarity (all-MiniLM-L6-v2) from a group's centre at which a question joins it.
   * Measured with {@code SimilarityProbe} (test sources) on staff questions: rephrasings of one
   * question score 0.50-0.67 against each other, neighbouring topics (phones on trips vs photos on
   * phones) 0.32-0.46, unrelated ones below 0.3. At 0.45 the neighbours merged; at 0.55 "non-uniform
   * day" and "jeans on Fridays" split.
   */
  static final double SAME_TOPIC = 0.5;

  /** One topic: its questions, the first one seen first. */
  record Topic(List<String> questions) {
    Topic {
      questions = List.copyOf(questions);
    }

    int size() {
      return questions.size();
    }
  }

  private final Function<String, float[]> embed;
  private final double threshold;

  TopicClusters(Function<String, float[]> embed) {
    this(embed, SAME_TOPIC);
  }

  TopicClusters(Function<String, float[]> embed, double threshold) {
    this.embed = Objects.requireNonNull(embed, "embed");
    this.threshold = threshold;
  }

  /** The topics of {@code questions}, largest first (ties: the one seen first). */
  List<Topic> group(List<String> questions) {
    List<Group> groups = new ArrayList<>();
    for (String q : questions) {
      if (q == null || q.isBlank()) {
        continue;
      }
      float[] v = normalised(embed.apply(q));
      Group best = null;
      double bestScore = threshold;
      for (Group g : groups) {
        double score = dot(v, normalised(g.sum));
        if (score >= bestScore) {
          best = g;
          bestScore = score;
        }
      }
      if (best == null) {
        best = new Group(groups.size(), new float[v.length]);
        groups.add(best);
      }
      best.add(q, v);
    }
    return groups.stream()
        .sorted(Comparator.comparingInt((Group g) -> -g.questions.size()).thenComparingInt(g -> g.order))
        .map(g -> new Topic(g.questions))
        .toList();
  }

  static double cosine(float[] a, float[] b) {
    return dot(normalised(a), normalised(b));
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  private static float[] normalised(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    if (norm == 0) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  /** A group being built: its questions and the sum of their unit vectors (the centroid's direction). */
  private static final class Group {
    final int order;
    final float[] sum;
    final List<String> questions = new ArrayList<>();

    Group(int order, float[] sum) {
      this.order = order;
      this.sum = sum;
    }

    void add(String question, float[] unit) {
      questions.add(question);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += unit[i];
      }
    }
  }
}
