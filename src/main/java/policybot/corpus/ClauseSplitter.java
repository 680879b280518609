package policybot.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a policy's text into clauses the way a person cites them: one bullet, one numbered item or
 * one short paragraph each, with the heading path above it.
 *
 * <p>Policies arrive as converted Word files, markdown or plain text, so headings are recognised in
 * three shapes: markdown {@code #} lines, lines that are wholly bold, and short unpunctuated lines
 * standing alone. The words of each clause are kept as written; only conversion marks go.
 */
public final class ClauseSplitter {

  /** A plain line this short, without closing punctuation, reads as a heading, not a clause. */
  static final int MAX_HEADING_WORDS = 10;

  /** A "Name ____ Date ____" line has at most this many real words left once leaders go. */
  static final int MAX_FORM_LINE_WORDS = 5;

  /** Word-set overlap above which two clauses under the same heading are one clause repeated. */
  static final double NEAR_DUPLICATE_JACCARD = 0.85;

  /** A line at least this long that stops mid-sentence was wrapped by a PDF, not ended. */
  static final int WRAPPED_LINE_CHARS = 70;

  /** Words of the clause text used to make its anchor readable. */
  static final int ANCHOR_WORDS = 6;

  private static final Pattern JUNK = Pattern.compile("\\[(?:image|bookmark)[^\\]]*\\]");
  private static final Pattern MD_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*)$");
  private static final Pattern WHOLE_BOLD = Pattern.compile("^\\s*\\*\\*(.+?)\\*\\*\\s*[:\\-]*\\s*$");
  private static final Pattern RULE = Pattern.compile("^[\\s\\-=_|*]{3,}$");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[·•▪●◦‣∙]|[-*+–](?=\\s)|o(?=\\s))\\s*(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,2}|[a-zA-Z])[.)]\\s+(.*)$");
  private static final Pattern APPENDIX = Pattern.compile("(?i)^appendix\\s+\\d+.*");
  private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");
  private static final Pattern MD_ESCAPE = Pattern.compile("\\\\+([\\\\`*_{}\\[\\]()#+\\-.!<>])");
  private static final Pattern LEADERS = Pattern.compile("[._…‥]{3,}|_{2,}|\\t");
  private static final Pattern KEY_VALUE = Pattern.compile("^\\s*\\S+(?:\\s+\\S+){0,2}:\\s*\\S.*");
  /**
   * A table row copied as tab-separated cells with a figure in it ("Review date⇥Sept 2024⇥Next
   * Review⇥Sept 2025"): filled in, so it is content (often the policy's own dates), neither a blank
   * form line nor a heading.
   */
  private static final Pattern CELL_BREAK = Pattern.compile("\\S\\t+\\S");
  private static final Pattern ENUMERATED = Pattern.compile("^(?:[A-Z]|\\d{1,2})\\.\\s");
  private static final Pattern LABEL = Pattern.compile("^([A-Z][^.:;!?\\-–]{1,40}?)\\s+[-–]\\s+\\S");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z“\"'])");
  private static final int APPENDIX_LEVEL = 2;

  /** A heading-shaped line with a full stop and at least this many words is a rule. */
  static final int MIN_SENTENCE_WORDS = 6;

  /** A "Passwords - Staff should..." label this short names the clause's topic. */
  static final int MAX_LABEL_WORDS = 5;

  /**
   * Splits {@code text}, the whole policy, into clauses for {@code school}/{@code policy}. Headings
   * that only repeat the school's name or the policy's title are left out of heading paths.
   */
  public List<Clause> split(String school, String policy, List<String> titles, String text) {
    List<Unit> units = units(text);
    List<Clause> raw = toClauses(school, policy, titles, units);
    return dropRepeats(raw);
  }

  /** A line-level piece of the document: a heading or a body unit (paragraph, bullet, item). */
  private record Unit(boolean heading, int level, boolean listItem, String number, String text, boolean tableRow) {
    Unit(boolean heading, int level, boolean listItem, String number, String text) {
      this(heading, level, listItem, number, text, false);
    }
  }

  private List<Unit> units(String text) {
    String normal = text.replace("\uFEFF", "").replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
    List<Unit> out = new ArrayList<>();
    StringBuilder current = null;
    boolean currentList = false;
    String currentNumber = "";
    boolean previousHardBreak = false;
    int mdLevel = 0; // level of the last markdown (or appendix) heading
    int looseLevel = 0; // level of the last bold/plain heading with no body since
    for (String rawLine : normal.split("\n", -1)) {
      String line = JUNK.matcher(rawLine).replaceAll("");
      boolean hardBreak = rawLine.endsWith("  ");
      if (line.isBlank() || RULE.matcher(line).matches() || isFormLine(line)) {
        flush(out, current, currentList, currentNumber);
        current = null;
        previousHardBreak = false;
        continue;
      }
      Matcher md = MD_HEADING.matcher(line);
      Matcher bold = WHOLE_BOLD.matcher(line);
      boolean headingShape = md.matches() || (bold.matches() && !bold.group(1).contains("**"));
      String headingText = headingShape ? cleanInline(md.matches() ? md.group(2) : line) : "";
      if (headingShape && isSentence(headingText)) {
        // "#### **iPads must not be used at home to access the internet.**" is a rule, not a title
        flush(out, current, currentList, currentNumber);
        current = null;
        out.add(new Unit(false, 0, false, "", headingText));
        looseLevel = 0;
        continue;
      }
      if (headingShape) {
        flush(out, current, currentList, currentNumber);
        current = null;
        if (headingText.isBlank()) {
          continue;
        }
        int level;
        if (APPENDIX.matcher(headingText).matches()) {
          level = APPENDIX_LEVEL;
          mdLevel = level;
          looseLevel = 0;
        } else if (md.matches()) {
          level = md.group(1).length();
          mdLevel = level;
          looseLevel = 0;
        } else {
          level = looseLevel == 0 ? mdLevel + 1 : looseLevel + 1;
          looseLevel = level;
        }
        out.add(new Unit(true, level, false, "", headingText));
        continue;
      }
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      boolean startsItem = bullet.matches() || numbered.matches();
      boolean continues =
          current != null
              && !startsItem
              && (previousHardBreak || continuesSentence(current, line, currentList));
      if (continues) {
        current.append('\n').append(line.strip());
      } else {
        flush(out, current, currentList, currentNumber);
        looseLevel = 0;
        if (bullet.matches()) {
          current = new StringBuilder(bullet.group(1));
          currentList = true;
          currentNumber = "";
        } else if (numbered.matches()) {
          current = new StringBuilder(numbered.group(2));
          currentList = true;
          currentNumber = numbered.group(1);
        } else {
          current = new StringBuilder(line.strip());
          currentList = false;
          currentNumber = "";
        }
      }
      previousHardBreak = hardBreak;
    }
    flush(out, current, currentList, currentNumber);
    return promotePlainHeadings(levelSiblings(out));
  }

  /** A heading-shaped line that is really a whole sentence: it ends with a full stop. */
  private static boolean isSentence(String text) {
    return text.endsWith(".")
        && !ENUMERATED.matcher(text).lookingAt()
        && text.split("\\s+").length >= MIN_SENTENCE_WORDS;
  }

  /**
   * Whether {@code line} carries on the sentence before it: PDF extraction wraps long paragraphs
   * and bullets, while plain-text policies put one statement on each line.
   */
  private static boolean continuesSentence(StringBuilder current, String line, boolean inList) {
    String prev = current.toString().stripTrailing();
    char last = prev.isEmpty() ? '.' : prev.charAt(prev.length() - 1);
    boolean prevOpen = Character.isLetterOrDigit(last) || last == ',' || last == '-' || last == '/';
    String next = line.strip();
    if (!prevOpen || next.isEmpty()) {
      return false;
    }
    int lastLineLength = prev.length() - prev.lastIndexOf('\n') - 1;
    return Character.isLowerCase(next.charAt(0)) || inList || lastLineLength >= WRAPPED_LINE_CHARS;
  }

  private static void flush(List<Unit> out, StringBuilder current, boolean list, String number) {
    if (current == null) {
      return;
    }
    String text = cleanInline(current.toString());
    if (text.isBlank() || isFormLine(current.toString())) {
      return;
    }
    out.add(new Unit(false, 0, list, number, text, isFilledTableRow(current.toString())));
  }

  /**
   * Turns stand-alone short body lines into headings ("Introduction", "Rationale:", "User's Personal
   * Statement:"), nesting consecutive ones, and leaves key-value lines ("Adopted: Jan 2016") as
   * clauses because they answer questions.
   */
  private static List<Unit> promotePlainHeadings(List<Unit> units) {
    List<Unit> out = new ArrayList<>(units.size());
    int base = 0;
    int loose = 0;
    for (Unit u : units) {
      if (u.heading()) {
        base = u.level();
        loose = 0;
        out.add(u);
      } else if (!u.listItem() && !u.tableRow() && looksLikeHeading(u.text())) {
        int level = loose == 0 ? base + 1 : loose + 1;
        if (APPENDIX.matcher(u.text()).matches()) {
          level = APPENDIX_LEVEL;
          base = level;
          loose = 0;
        } else {
          loose = level;
        }
        out.add(new Unit(true, level, false, "", u.text()));
      } else {
        loose = 0;
        out.add(u);
      }
    }
    return out;
  }

  static boolean isFilledTableRow(String line) {
    return CELL_BREAK.matcher(line).find()
        && line.chars().anyMatch(Character::isDigit)
        && !LEADERS.matcher(line.replace('\t', ' ')).find();
  }

  static boolean looksLikeHeading(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.contains("http") || !Character.isUpperCase(t.codePointAt(0)) && !Character.isDigit(t.charAt(0))) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    if (last == '.' || last == ';' || last == ',' || last == '!' || last == '?' || last == ')') {
      return false;
    }
    if (last != ':' && KEY_VALUE.matcher(t).matches()) {
      return false;
    }
    return t.split("\\s+").length <= MAX_HEADING_WORDS;
  }

  static boolean isFormLine(String raw) {
    if (isFilledTableRow(raw)) {
      return false;
    }
    String unescaped = MD_ESCAPE.matcher(raw).replaceAll("$1");
    if (!LEADERS.matcher(unescaped).find()) {
      return false;
    }
    String rest = LEADERS.matcher(unescaped).replaceAll(" ").replace("*", " ");
    long words =
        Arrays.stream(rest.split("\\s+"))
            .filter(w -> w.chars().anyMatch(Character::isLetter))
            .count();
    return words <= MAX_FORM_LINE_WORDS;
  }

  /** Removes markdown marks and conversion junk, keeping every word as written. */
  static String cleanInline(String s) {
    String t = JUNK.matcher(s).replaceAll("");
    Matcher link = MD_LINK.matcher(t);
    StringBuilder sb = new StringBuilder();
    while (link.find()) {
      String label = MD_ESCAPE.matcher(link.group(1)).replaceAll("$1");
      String target = link.group(2);
      // a bare-URL label is the same address, escaped for markdown: show the real target
      String shown = label.isBlank() || label.startsWith("http") ? target : label;
      link.appendReplacement(sb, Matcher.quoteReplacement(shown));
    }
    link.appendTail(sb);
    t = AUTOLINK.matcher(sb.toString()).replaceAll("$1");
    t = t.replace("**", "");
    t = MD_ESCAPE.matcher(t).replaceAll("$1");
    t = t.replaceAll("[\\s\\u00A0]+", " ").strip();
    if (t.endsWith(":-")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private List<Clause> toClauses(String school, String policy, List<String> titles, List<Unit> units) {
    Deque<Unit> stack = new ArrayDeque<>();
    boolean seenBody = false;
    Set<String> titleBlock = new HashSet<>();
    String leadIn = "";
    List<Clause> out = new ArrayList<>();
    int ordinal = 0;
    Set<String> titleKeys = new HashSet<>();
    titles.forEach(t -> titleKeys.add(key(t)));
    for (Unit u : units) {
      if (u.heading()) {
        while (!stack.isEmpty() && stack.peekLast().level() >= u.level()) {
          stack.removeLast();
        }
        stack.addLast(u);
        if (!seenBody) {
          titleBlock.add(key(u.text()));
        }
        leadIn = "";
        continue;
      }
      seenBody = true;
      List<String> path = new ArrayList<>();
      for (Unit h : stack) {
        String k = key(h.text());
        if (!titleBlock.contains(k) && !titleKeys.contains(k)) {
          path.add(stripColon(h.text()));
        }
      }
      Matcher label = LABEL.matcher(u.text());
      if (!u.listItem() && label.lookingAt() && label.group(1).strip().split("\\s+").length <= MAX_LABEL_WORDS) {
        path.add(label.group(1).strip());
      }
      String myLeadIn = u.listItem() ? leadIn : "";
      out.add(new Clause(anchor(u.text()), school, policy, path, u.number(), myLeadIn, u.text(), ordinal++));
      if (!u.listItem()) {
        leadIn = u.text().endsWith(":") ? lastSentence(u.text()) : "";
      }
    }
    return out;
  }

  /**
   * Lettered or numbered section headings ("C. Comments…", "D. Dealing…") are siblings even when
   * the converter gave them different markdown levels.
   */
  private static List<Unit> levelSiblings(List<Unit> units) {
    List<Unit> out = new ArrayList<>(units.size());
    int letterLevel = 0;
    int numberLevel = 0;
    for (Unit u : units) {
      if (u.heading() && ENUMERATED.matcher(u.text()).lookingAt()) {
        boolean letter = Character.isLetter(u.text().charAt(0));
        int first = letter ? letterLevel : numberLevel;
        int level = first == 0 ? u.level() : first;
        if (letter) {
          letterLevel = level;
        } else {
          numberLevel = level;
        }
        out.add(new Unit(true, level, false, "", u.text()));
      } else {
        if (u.heading() && (u.level() < letterLevel || APPENDIX.matcher(u.text()).matches())) {
          letterLevel = 0;
          numberLevel = 0;
        }
        out.add(u);
      }
    }
    return out;
  }

  private static String lastSentence(String text) {
    String[] sentences = SENTENCE_END.split(text);
    return sentences[sentences.length - 1];
  }

  private static String stripColon(String heading) {
    String h = heading.strip();
    while (h.endsWith(":") || h.endsWith("-")) {
      h = h.substring(0, h.length() - 1).strip();
    }
    return h;
  }

  /**
   * Drops clauses the document repeats: the same words anywhere, a near copy under the same
   * heading, or a copy cut off part-way (Glais ends one repeated bullet mid-sentence).
   */
  private static List<Clause> dropRepeats(List<Clause> clauses) {
    List<Clause> kept = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    // each kept clause's heading key and word set, worked out once: redoing them for every pair
    // took a third of a second on a 35 KB policy
    List<String> headingKeys = new ArrayList<>();
    List<Set<String>> wordSets = new ArrayList<>();
    for (Clause c : clauses) {
      String k = key(c.text());
      String heading = lastHeading(c);
      Set<String> words = words(k);
      boolean repeat = false;
      for (int i = 0; i < kept.size() && !repeat; i++) {
        String other = keys.get(i);
        repeat =
            other.equals(k)
                || (other.startsWith(k) && k.length() > 40)
                || (headingKeys.get(i).equals(heading)
                    && jaccard(wordSets.get(i), words) >= NEAR_DUPLICATE_JACCARD);
      }
      if (!repeat) {
        // a later full copy of an earlier cut-off clause replaces it
        for (int i = 0; i < kept.size(); i++) {
          if (k.startsWith(keys.get(i)) && keys.get(i).length() > 40) {
            kept.remove(i);
            keys.remove(i);
            headingKeys.remove(i);
            wordSets.remove(i);
            break;
          }
        }
        kept.add(c);
        keys.add(k);
        headingKeys.add(heading);
        wordSets.add(words);
      }
    }
    return kept;
  }

  private static String lastHeading(Clause c) {
    return c.headings().isEmpty() ? "" : key(c.headings().get(c.headings().size() - 1));
  }

  private static double jaccard(Set<String> x, Set<String> y) {
    int inter = 0;
    for (String w : x) {
      if (y.contains(w)) {
        inter++;
      }
    }
    int union = x.size() + y.size() - inter;
    return union == 0 ? 0 : (double) inter / union;
  }

  private static Set<String> words(String key) {
    return new HashSet<>(Arrays.asList(key.split(" ")));
  }

  /** The text lowercased with every run of non-word characters made one space: how clauses are compared. */
  public static String key(String text) {
    return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** A readable, stable anchor: the first words plus a short hash of the whole clause. */
  static String anchor(String text) {
    String words = Slugs.of(text, ANCHOR_WORDS);
    return (words.isEmpty() ? "clause" : words) + "-" + shortHash(key(text));
  }

  private static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
