package policybot.admin;

import policybot.index.Embedder;

/** Prints pairwise cosine similarities, to choose TopicClusters.SAME_TOPIC. Not a test. */
public final class SimilarityProbe {
  public static void main(String[] args) {
    String[] qs = {
      "can I use my phone on a school trip",
      "am I allowed my mobile on an educational visit",
      "phones on residential trips - allowed for staff?",
      "can i take photos of pupils on my own phone",
      "how do I claim mileage for driving to a training course",
      "what should I wear on non-uniform day",
      "can staff wear jeans on fridays",
      "is it ok to accept a friend request from a parent on facebook",
      "a parent added me on instagram, can I accept",
      "can I give a pupil a lift home in my car",
    };
    Embedder e = new Embedder();
    for (int i = 0; i < qs.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < qs.length; j++) {
        sb.append(String.format("%5.2f", TopicClusters.cosine(e.embedQuery(qs[i]), e.embedQuery(qs[j]))));
      }
      System.out.println(sb + "  " + qs[i]);
    }
    for (double t : new double[] {0.45, 0.5, 0.55, 0.6}) {
      System.out.println(t + " -> " + new TopicClusters(e::embedQuery, t).group(java.util.List.of(qs)));
    }
  }
}
