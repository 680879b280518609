package policybot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import policybot.answer.Verdict;
import policybot.corpus.School;

/**
 * Block Kit layouts for answers: the verdict first, then up to three quoted clauses with the key
 * sentence in bold and a link to the clause, warnings, then the buttons. Every piece of text from a
 * person or a policy file is escaped, so it can neither ping anyone nor become a link.
 */
final class AnswerBlocks {
  /** Slack's cap on blocks in one message. */
  static final int MAX_BLOCKS = 50;

  /** Slack's cap on elements in one context block. */
  static final int MAX_CONTEXT_ELEMENTS = 10;

  /** Most clauses quoted: the engine cites no more, and three is what fits on a phone screen. */
  static final int MAX_QUOTES = 3;

  /** Schools listed in a safeguarding reply for someone whose school is not known yet. */
  static final int MAX_SAFEGUARDING_SCHOOLS = 10;

  /** The notification preview is a glance, not the answer. */
  static final int FALLBACK_CHARS = 300;

  static final String ACTION_HELPFUL = "policy_helpful";
  static final String ACTION_NOT_HELPFUL = "policy_not_helpful";
  static final String ACTION_ASK_HEAD = "policy_ask_head";
  static final String ACTION_SHARE = "policy_share";
  static final String ACTION_CHOOSE_SCHOOL = "policy_choose_school";

  /** Slack user ids; only these are ever written into a mention. */
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  /** Where an answer is shown, which decides its buttons. */
  enum Delivery {
    /** In the DM or the thread it was asked in. */
    CONVERSATION,
    /** Privately to the asker (ephemeral), with a button to share it. */
    PRIVATE,
    /** Shared into the channel from a private answer. */
    SHARED
  }

  private AnswerBlocks() {}

  /**
   * What became of the case filed with an answer, shown under it to the person who asked.
   *
   * @param mrkdwn the note, already escaped
   * @param filed whether a case is committed: then there is no "Ask the head" button to press twice
   */
  record CaseNote(String mrkdwn, boolean filed) {}

  /** The blocks for {@code answer} shown as {@code delivery}; {@code sharedBy} names who shared it. */
  static List<LayoutBlock> render(SlackAnswer answer, Delivery delivery, String sharedBy) {
    return render(answer, delivery, sharedBy, null);
  }

  /** As {@link #render(SlackAnswer, Delivery, String)}, with the case filed for it ({@code note}, or null). */
  static List<LayoutBlock> render(SlackAnswer answer, Delivery delivery, String sharedBy, CaseNote note) {
    List<LayoutBlock> blocks = new ArrayList<>();
    switch (answer.outcome()) {
      case GROUNDED -> {
        blocks.add(section(verdictLine(answer.verdict()) + "\n" + SlackText.escape(answer.text())));
        rulings(answer, blocks);
        quotes(answer, blocks);
        if (!answer.warnings().isEmpty()) {
          blocks.add(context(answer.warnings().stream().map(w -> ":warning: " + SlackText.escape(w)).toList()));
        }
      }
      case ESCALATED -> {
        blocks.add(section(":raising_hand: *This needs the head's decision*\n" + SlackText.escape(answer.text())));
        if (!answer.quotes().isEmpty()) {
          blocks.add(context(List.of("Nearest clauses — they do not settle it:")));
          quotes(answer, blocks);
        }
      }
      case SAFEGUARDING -> {
        blocks.add(
            section(
                ":rotating_light: *Safeguarding: report this today to "
                    + SlackText.escape(answer.reportTo())
                    + "*\n"
                    + SlackText.escape(answer.text())));
        quotes(answer, blocks);
        blocks.add(context(List.of(":lock: Only you can see this reply.")));
      }
      case REFUSED -> blocks.add(section(SlackText.escape(answer.text())));
    }
    if (delivery == Delivery.SHARED && sharedBy != null && USER_ID.matcher(sharedBy).matches()) {
      blocks.add(context(List.of("Shared by <@" + sharedBy + "> from /policy")));
    }
    if (note != null) {
      blocks.add(section(note.mrkdwn()));
    }
    buttons(answer, delivery, note != null && note.filed()).ifPresent(blocks::add);
    return capped(blocks);
  }

  /** The plain-text preview Slack shows in notifications; never the question itself. */
  static String fallback(SlackAnswer answer) {
    String text =
        switch (answer.outcome()) {
          case GROUNDED -> answer.verdict().plainWords() + ". " + answer.text();
          case ESCALATED -> "This needs the head's decision. " + answer.text();
          case SAFEGUARDING -> "Safeguarding: report this today to " + answer.reportTo() + ".";
          case REFUSED -> answer.text();
        };
    return SlackText.escape(SlackText.cutAtSentence(text, FALLBACK_CHARS));
  }

  /** A private message asking which school the person is at, one button per school. */
  static List<LayoutBlock> chooseSchool(List<School> schools, String pendingId) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            "Which school are you at? I'll remember your answer"
                + (pendingId == null ? "." : " and then answer your question.")));
    List<BlockElement> buttons = new ArrayList<>();
    for (School s : schools) {
      buttons.add(
          button(s.name(), ACTION_CHOOSE_SCHOOL + "_" + s.slug(), (pendingId == null ? "" : pendingId) + ":" + s.slug(), null));
      if (buttons.size() == HomeView.MAX_ACTION_ELEMENTS) {
        blocks.add(ActionsBlock.builder().elements(buttons).build());
        buttons = new ArrayList<>();
      }
    }
    if (!buttons.isEmpty()) {
      blocks.add(ActionsBlock.builder().elements(buttons).build());
    }
    return capped(blocks);
  }

  /**
   * A safeguarding reply for someone whose school is not known yet: the engine's reply for each
   * school they may be at, so each names the right person to tell. Only ever sent privately.
   */
  static List<LayoutBlock> safeguardingAtEach(List<School> schools, List<SlackAnswer> answers, String concernId) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(":rotating_light: *Safeguarding: report this today.* I don't know your school yet, so here is who to tell at each:"));
    for (int i = 0; i < answers.size(); i++) {
      blocks.add(section("*" + SlackText.escape(schools.get(i).name()) + "*\n" + SlackText.escape(answers.get(i).text())));
    }
    blocks.add(section("Which school are you at? I'll also pass this to its designated safeguarding lead, privately."));
    List<BlockElement> buttons = new ArrayList<>();
    for (School s : schools.subList(0, Math.min(schools.size(), Math.min(answers.size(), HomeView.MAX_ACTION_ELEMENTS)))) {
      buttons.add(button(s.name(), ACTION_CHOOSE_SCHOOL + "_" + s.slug(), concernId + ":" + s.slug(), null));
    }
    blocks.add(ActionsBlock.builder().elements(buttons).build());
    blocks.add(context(List.of(":lock: Only you can see this reply.")));
    return capped(blocks);
  }

  static String verdictLine(Verdict verdict) {
    String icon =
        switch (verdict) {
          case YES -> ":white_check_mark:";
          case NO -> ":no_entry:";
          case CONDITIONAL -> ":large_yellow_circle:";
          case INFO -> ":information_source:";
        };
    return icon + " *" + verdict.plainWords() + "*";
  }

  /** Each cited ruling in the reviewer's words, then who made it and when, above the clauses. */
  private static void rulings(SlackAnswer answer, List<LayoutBlock> blocks) {
    for (SlackAnswer.RulingNote r : answer.rulings()) {
      blocks.add(section("> " + SlackText.escape(r.text()).replace("\n", "\n> ")));
      blocks.add(
          context(
              List.of(
                  ":scales: " + SlackText.escape(r.attribution())
                      + (r.question().isBlank() ? "" : ", on “" + SlackText.escape(r.question()) + "”"))));
    }
  }

  private static void quotes(SlackAnswer answer, List<LayoutBlock> blocks) {
    answer.quotes().stream().limit(MAX_QUOTES).forEach(q -> blocks.add(section(quote(q))));
  }

  /**
   * One clause as a block quote, key sentence in bold, then its link. A clause too long for one
   * section is cut at a sentence boundary, keeping the key sentence, with a link to the full text.
   */
  static String quote(SlackAnswer.Quote q) {
    int budget = SlackText.SECTION_LIMIT;
    while (true) {
      String md = quote(q, budget);
      if (md.length() <= SlackText.SECTION_LIMIT) {
        return md;
      }
      // escaping and markup made it longer than the raw text: shrink the raw text by the excess
      budget -= md.length() - SlackText.SECTION_LIMIT;
    }
  }

  private static String quote(SlackAnswer.Quote q, int budget) {
    String text = q.text();
    int from = 0;
    if (text.length() > budget && q.highlightEnd() > budget) {
      // the key sentence is past the cut: start the quote at its sentence instead
      from = SlackText.sentenceStart(text, q.highlightStart());
    }
    String window = text.substring(from);
    String shown = SlackText.cutAtSentence(window, budget).stripTrailing();
    boolean shortened = from > 0 || shown.length() < window.strip().length();
    int hs = Math.max(0, q.highlightStart() - from);
    int he = Math.min(shown.length(), q.highlightEnd() - from);
    StringBuilder md = new StringBuilder(quoteLines(shown, hs, he, from > 0));
    if (shortened) {
      md.append(" ").append(SlackText.ELLIPSIS).append(" ").append(SlackText.link(q.link(), "see full clause"));
    }
    md.append("\n").append(SlackText.link(q.link(), q.where()));
    return md.toString();
  }

  /** Block-quote lines with [hs, he) in bold; bold cannot span lines in Slack, so each line gets its own. */
  private static String quoteLines(String text, int hs, int he, boolean cutBefore) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int ls = pos;
      int le = pos + line.length();
      int bs = Math.max(hs, ls);
      int be = Math.min(he, le);
      while (bs < be && Character.isWhitespace(text.charAt(bs))) {
        bs++;
      }
      while (be > bs && Character.isWhitespace(text.charAt(be - 1))) {
        be--;
      }
      String rendered =
          bs < be
              ? SlackText.escape(text.substring(ls, bs)) + "*" + SlackText.escape(text.substring(bs, be)) + "*" + SlackText.escape(text.substring(be, le))
              : SlackText.escape(line);
      if (i > 0) {
        out.append("\n");
      }
      out.append(">");
      if (i == 0 && cutBefore) {
        out.append(" ").append(SlackText.ELLIPSIS);
      }
      if (!rendered.isBlank()) {
        out.append(" ").append(rendered);
      }
      pos = le + 1;
    }
    return out.toString();
  }

  private static Optional<LayoutBlock> buttons(SlackAnswer answer, Delivery delivery, boolean filed) {
    List<BlockElement> buttons = new ArrayList<>();
    String id = answer.id();
    switch (answer.outcome()) {
      case GROUNDED -> {
        buttons.add(button("Helpful", ACTION_HELPFUL, id, null));
        buttons.add(button("Not helpful", ACTION_NOT_HELPFUL, id, null));
        if (!filed) {
          buttons.add(button("Ask the head", ACTION_ASK_HEAD, id, null));
        }
      }
      case ESCALATED -> {
        if (!filed) {
          buttons.add(button("Ask the head", ACTION_ASK_HEAD, id, "primary"));
        }
        buttons.add(button("Helpful", ACTION_HELPFUL, id, null));
        buttons.add(button("Not helpful", ACTION_NOT_HELPFUL, id, null));
      }
      // reporting to the safeguarding lead is the next step, not the head's view; never shared
      case SAFEGUARDING -> {
        buttons.add(button("Helpful", ACTION_HELPFUL, id, null));
        buttons.add(button("Not helpful", ACTION_NOT_HELPFUL, id, null));
      }
      case REFUSED -> {
        return Optional.empty();
      }
    }
    if (delivery == Delivery.PRIVATE && answer.isShareable()) {
      buttons.add(button("Share in channel", ACTION_SHARE, id, null));
    }
    return Optional.of(ActionsBlock.builder().blockId("answer_actions").elements(buttons).build());
  }

  static SectionBlock section(String mrkdwn) {
    String text = mrkdwn.length() > SlackText.SECTION_LIMIT ? mrkdwn.substring(0, SlackText.SECTION_LIMIT - 1) + SlackText.ELLIPSIS : mrkdwn;
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(text).build()).build();
  }

  static ContextBlock context(List<String> mrkdwn) {
    List<ContextBlockElement> elements = new ArrayList<>();
    for (String m : mrkdwn.subList(0, Math.min(mrkdwn.size(), MAX_CONTEXT_ELEMENTS))) {
      String text = m.length() > SlackText.SECTION_LIMIT ? m.substring(0, SlackText.SECTION_LIMIT - 1) + SlackText.ELLIPSIS : m;
      elements.add(MarkdownTextObject.builder().text(text).build());
    }
    return ContextBlock.builder().elements(elements).build();
  }

  static ButtonElement button(String label, String actionId, String value, String style) {
    return ButtonElement.builder()
        .text(PlainTextObject.builder().text(label).emoji(true).build())
        .actionId(actionId)
        .value(value)
        .style(style)
        .build();
  }

  /** Keeps a layout within Slack's block cap, always keeping the buttons at the end. */
  static List<LayoutBlock> capped(List<LayoutBlock> blocks) {
    if (blocks.size() <= MAX_BLOCKS) {
      return List.copyOf(blocks);
    }
    List<LayoutBlock> out = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
    out.add(blocks.get(blocks.size() - 1));
    return List.copyOf(out);
  }
}
