package policybot.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import policybot.corpus.Clause;
import policybot.corpus.PolicyDocument;
import policybot.corpus.PolicyMeta;
import policybot.corpus.School;

/**
 * What the policy pages show, shaped for the templates: a policy's clauses become headings,
 * paragraphs and lists again, each clause carrying its id so a citation link lands on it.
 */
final class PolicyView {
  /** The policy title is the page's h1, so the outermost section heading is h2. */
  static final int FIRST_SECTION_LEVEL = 2;

  /** HTML has six heading levels; deeper sections share the last. */
  static final int DEEPEST_LEVEL = 6;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private PolicyView() {}

  /** One row of a school's policy list, and the header of a policy page. */
  record PolicySummary(
      String id,
      String title,
      String href,
      String adopted,
      String reviewDue,
      boolean overdue,
      String sourceUrl,
      int clauses) {
    /** A listed policy with no clauses could not be read; it has no page to link to. */
    boolean readable() {
      return clauses > 0;
    }
  }

  /** A heading, a paragraph or a list, in document order. */
  record Block(Heading heading, ClauseView paragraph, ListBlock list) {}

  record Heading(int level, String text) {}

  record ListBlock(boolean numbered, List<ClauseView> items) {}

  /** One clause: its anchor, the words as written (addresses clickable) and where it sits. */
  record ClauseView(String id, String number, String section, List<Linkify.Segment> segments) {
    boolean hasNumber() {
      return !number.isEmpty();
    }
  }

  static PolicySummary summary(School school, PolicyMeta meta, int clauses, LocalDate today) {
    return new PolicySummary(
        meta.id(),
        meta.title(),
        "/policies/" + school.slug() + "/" + meta.id(),
        meta.adopted().map(DATE::format).orElse(null),
        meta.reviewDue().map(DATE::format).orElse(null),
        meta.overdueOn(today),
        meta.sourceUrl().filter(PolicyView::isWebAddress).orElse(null),
        clauses);
  }

  /** The policy's clauses as blocks: a heading wherever the heading path changes, lists grouped. */
  static List<Block> blocks(PolicyDocument doc) {
    List<Block> out = new ArrayList<>();
    List<String> previousPath = List.of();
    List<ClauseView> openList = null;
    String openListKey = null;
    for (Clause c : doc.clauses().stream().sorted(Comparator.comparingInt(Clause::ordinal)).toList()) {
      List<String> path = displayPath(c);
      int common = commonPrefix(previousPath, path);
      if (common < path.size() || common < previousPath.size()) {
        openList = null;
      }
      for (int i = common; i < path.size(); i++) {
        out.add(new Block(new Heading(Math.min(DEEPEST_LEVEL, FIRST_SECTION_LEVEL + i), path.get(i)), null, null));
      }
      previousPath = path;
      ClauseView view = new ClauseView(c.id(), c.number(), c.section(), Linkify.segments(c.text()));
      if (!isListItem(c)) {
        openList = null;
        out.add(new Block(null, view, null));
        continue;
      }
      String key = c.leadIn() + "\n" + !c.number().isEmpty();
      if (openList == null || !key.equals(openListKey)) {
        openList = new ArrayList<>();
        openListKey = key;
        out.add(new Block(null, null, new ListBlock(!c.number().isEmpty(), openList)));
      }
      openList.add(view);
    }
    return out;
  }

  /**
   * The headings to show above a clause. The splitter adds a clause's own "Passwords - ..." label
   * to its path for search; on the page that label is already the clause's first words.
   */
  static List<String> displayPath(Clause c) {
    List<String> path = c.headings();
    if (!path.isEmpty()) {
      String last = path.get(path.size() - 1);
      String text = c.text();
      if (text.startsWith(last) && text.substring(last.length()).matches("(?s)\\s+[-–].*")) {
        return path.subList(0, path.size() - 1);
      }
    }
    return path;
  }

  /** The clause model has no list flag; a number or a lead-in sentence is what marks an item. */
  private static boolean isListItem(Clause c) {
    return !c.number().isEmpty() || !c.leadIn().isEmpty();
  }

  private static int commonPrefix(List<String> a, List<String> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
      n++;
    }
    return n;
  }

  static boolean isWebAddress(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://");
  }
}
