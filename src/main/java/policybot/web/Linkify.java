package policybot.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds web addresses in policy text so pages can make them clickable without trusting markup. */
final class Linkify {
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");

  /** Punctuation that ends the sentence around an address rather than the address. */
  private static final String TRAILING = ".,;:!?'’”)]";

  private Linkify() {}

  /** A run of text, with the address it links to when it is one. */
  record Segment(String text, String href) {
    boolean link() {
      return href != null;
    }
  }

  static List<Segment> segments(String text) {
    List<Segment> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    int at = 0;
    while (m.find()) {
      String url = trimTrailing(m.group());
      String href = href(url);
      if (href == null) {
        continue;
      }
      if (m.start() > at) {
        out.add(new Segment(text.substring(at, m.start()), null));
      }
      out.add(new Segment(url, href));
      at = m.start() + url.length();
    }
    if (at < text.length()) {
      out.add(new Segment(text.substring(at), null));
    }
    return out;
  }

  /** Drops closing punctuation, keeping a ")" that closes a "(" inside the address. */
  private static String trimTrailing(String url) {
    String u = url;
    while (!u.isEmpty() && TRAILING.indexOf(u.charAt(u.length() - 1)) >= 0) {
      char last = u.charAt(u.length() - 1);
      if (last == ')' && count(u, '(') >= count(u, ')')) {
        break;
      }
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  private static long count(String s, char c) {
    return s.chars().filter(ch -> ch == c).count();
  }

  /** Only http(s) addresses that parse become links; "www." ones get a scheme. */
  private static String href(String url) {
    String candidate = url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
    try {
      URI uri = new URI(candidate);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      return uri.toASCIIString();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
