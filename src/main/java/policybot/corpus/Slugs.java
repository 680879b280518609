package policybot.corpus;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lowercase, hyphenated identifiers safe in URLs and file names. */
public final class Slugs {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Slugs() {}

  public static boolean isSlug(String s) {
    return s != null && SLUG.matcher(s).matches();
  }

  /** Turns free text into a slug of at most {@code maxWords} words. */
  public static String of(String text, int maxWords) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    String[] words = ascii.replaceAll("[^a-z0-9]+", " ").trim().split(" ");
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      if (n++ == maxWords) {
        break;
      }
      if (sb.length() > 0) {
        sb.append('-');
      }
      sb.append(w);
    }
    return sb.toString();
  }
}
