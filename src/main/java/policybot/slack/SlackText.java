package policybot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text going to and coming from Slack. Slack reads {@code <...>} as mentions and links, so
 * everything a person or a policy file wrote is escaped before it is sent; text arriving in events
 * comes escaped and with mention and link markup, which is turned back into plain words.
 */
final class SlackText {
  /** Slack's cap on a section block's text. */
  static final int SECTION_LIMIT = 3_000;

  /** What "… see full clause" and its link may take at the end of a shortened clause. */
  static final String ELLIPSIS = "…";

  private static final Pattern MARKUP = Pattern.compile("<([^<>]*)>");

  /** A sentence ends at . ! ? (and any closing quote or bracket) followed by whitespace. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)\\]]*(?=\\s)");

  private SlackText() {}

  /** Escapes the three characters Slack gives meaning to, so the text cannot ping or link. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A link Slack shows as {@code label}: the label is escaped and cannot close the link early. */
  static String link(String url, String label) {
    String safeUrl = url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20");
    // a '>' in the label would end the link; '|' is fine after the first one but reads oddly
    return "<" + safeUrl + "|" + escape(label) + ">";
  }

  /**
   * A question as the person typed it, from a message event: mention and link markup back to words
   * (the bot's own mention removed), then Slack's escaping undone.
   */
  static String fromEvent(String text, String botUserId) {
    if (text == null) {
      return "";
    }
    Matcher m = MARKUP.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(words(m.group(1), botUserId)));
    }
    m.appendTail(out);
    return unescape(out.toString()).replaceAll("\\s+", " ").strip();
  }

  private static String words(String inner, String botUserId) {
    int bar = inner.indexOf('|');
    String target = bar < 0 ? inner : inner.substring(0, bar);
    String label = bar < 0 ? "" : inner.substring(bar + 1);
    if (target.startsWith("@")) {
      if (botUserId != null && target.substring(1).equals(botUserId)) {
        return " ";
      }
      return label.isEmpty() ? "a colleague" : label;
    }
    if (target.startsWith("#")) {
      return label.isEmpty() ? "a channel" : "#" + label;
    }
    if (target.startsWith("!")) {
      String special = target.substring(1);
      int caret = special.indexOf('^');
      return "@" + (caret < 0 ? special : special.substring(0, caret));
    }
    return label.isEmpty() ? target : label;
  }

  static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /**
   * Shortens {@code text} to at most {@code max} characters, ending at a sentence boundary where
   * there is one; returns the text unchanged when it fits.
   */
  static String cutAtSentence(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int best = -1;
    Matcher m = SENTENCE_END.matcher(text);
    while (m.find() && m.end() <= max) {
      best = m.end();
    }
    if (best > 0) {
      return text.substring(0, best);
    }
    // one huge sentence: cut at the last space so no word is split
    int space = text.lastIndexOf(' ', max);
    return text.substring(0, space > 0 ? space : max);
  }

  /** Where the sentence containing {@code index} starts. */
  static int sentenceStart(String text, int index) {
    int start = 0;
    Matcher m = SENTENCE_END.matcher(text);
    while (m.find() && m.end() <= index) {
      start = m.end();
    }
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    return start;
  }
}
