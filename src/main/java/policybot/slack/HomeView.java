package policybot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import policybot.corpus.PolicyMeta;
import policybot.corpus.School;

/**
 * The App Home tab: what the bot can do, the school's policies with links, and the person's own
 * recent questions with what happened to them.
 */
final class HomeView {
  /** Slack's cap on blocks in a Home tab view. */
  static final int MAX_HOME_BLOCKS = 100;

  /** Slack's cap on buttons in one actions block. */
  static final int MAX_ACTION_ELEMENTS = 25;

  /** Recent questions shown: a fortnight of normal use, and the view stays short. */
  static final int RECENT_SHOWN = 10;

  /** Sections of policy links at most (about 60 policies); past this the school page has the rest. */
  static final int MAX_POLICY_SECTIONS = 5;

  /** Recent questions are quoted only this far, so one long question does not fill the tab. */
  static final int QUESTION_CHARS = 200;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private HomeView() {}

  /** One of the person's recent questions and what came of it. */
  record Recent(String question, String status, Instant at) {}

  /**
   * What the tab shows.
   *
   * @param school the person's school, if known
   * @param choices schools to pick from when it is not known yet
   * @param linkBase base address of the policy pages
   * @param today for review-date warnings
   * @param recent the person's recent questions, newest first
   * @param reviewer whether the person reviews a school's cases, and so gets the review pages button
   */
  record Home(Optional<School> school, List<School> choices, String linkBase, LocalDate today, List<Recent> recent, boolean reviewer) {}

  /** The Home tab button that DMs a reviewer a sign-in link to the review pages. */
  static final String ACTION_OPEN_ADMIN = "policy_open_admin";

  static View render(Home home) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(HeaderBlock.builder().text(PlainTextObject.builder().text("Policy Bot").build()).build());
    blocks.add(
        AnswerBlocks.section(
            "Ask me what your school's policies say, and I answer with a verdict and the clauses I rely on, quoted word for word.\n"
                + "• *Message me* here in the Messages tab.\n"
                + "• *Mention me* in a channel (@Policy Bot) and I reply in a thread; mention me again in the thread to follow up.\n"
                + "• *Type* `/policy your question` anywhere for a private answer you can share, "
                + "or `/policy ask-head your question` to send it straight to the head as well.\n"
                + "Every answer has buttons: *Helpful*, *Not helpful* and *Ask the head*; "
                + "a question your policies don't settle I send to the head myself, and their answer comes back to you. "
                + "Anything about a child's safety goes to your safeguarding lead, and I only ever reply about it privately."));
    blocks.add(DividerBlock.builder().build());
    if (home.reviewer()) {
      blocks.add(AnswerBlocks.section("*For reviewers:* questions sent to you arrive here in Messages. The review pages list every case and ruling."));
      blocks.add(
          ActionsBlock.builder()
              .blockId("reviewer_actions")
              .elements(List.of(AnswerBlocks.button("Open the review pages", ACTION_OPEN_ADMIN, "admin", "primary")))
              .build());
      blocks.add(DividerBlock.builder().build());
    }
    if (home.school().isPresent()) {
      School s = home.school().get();
      policies(s, home, blocks);
      if (home.choices().size() > 1) {
        blocks.add(AnswerBlocks.context(List.of("Not your school? Pick another:")));
        blocks.addAll(schoolButtons(home.choices()));
      }
    } else if (!home.choices().isEmpty()) {
      blocks.add(AnswerBlocks.section("*Which school are you at?* I'll show its policies and answer from them."));
      blocks.addAll(schoolButtons(home.choices()));
    }
    blocks.add(DividerBlock.builder().build());
    blocks.add(AnswerBlocks.section("*Your recent questions*"));
    if (home.recent().isEmpty()) {
      blocks.add(AnswerBlocks.context(List.of("None yet. Only you see this list.")));
    }
    for (Recent r : home.recent().stream().limit(RECENT_SHOWN).toList()) {
      blocks.add(
          AnswerBlocks.section(
              "*" + SlackText.escape(SlackText.cutAtSentence(r.question(), QUESTION_CHARS)) + "*\n" + SlackText.escape(r.status())));
      blocks.add(AnswerBlocks.context(List.of(DAY.format(r.at().atZone(ZoneId.of("Europe/London"))))));
    }
    List<LayoutBlock> capped = blocks.size() > MAX_HOME_BLOCKS ? blocks.subList(0, MAX_HOME_BLOCKS) : blocks;
    return View.builder().type("home").blocks(List.copyOf(capped)).build();
  }

  private static void policies(School s, Home home, List<LayoutBlock> blocks) {
    String base = home.linkBase() + "/policies/" + s.slug();
    blocks.add(AnswerBlocks.section("*" + SlackText.escape(s.name()) + " policies* · " + SlackText.link(base, "all on one page")));
    // policies are listed a section at a time, each within Slack's 3,000 characters
    StringBuilder lines = new StringBuilder();
    int sections = 0;
    int shown = 0;
    for (PolicyMeta p : s.policies()) {
      String line =
          "• " + SlackText.link(base + "/" + p.id(), p.title()) + (p.overdueOn(home.today()) ? " :warning: _past its review date_" : "");
      if (lines.length() + line.length() + 1 > SlackText.SECTION_LIMIT) {
        blocks.add(AnswerBlocks.section(lines.toString()));
        lines.setLength(0);
        // a big trust's list stops here: the school page lists every policy
        if (++sections == MAX_POLICY_SECTIONS) {
          break;
        }
      }
      lines.append(lines.length() == 0 ? "" : "\n").append(line);
      shown++;
    }
    if (lines.length() > 0 && sections < MAX_POLICY_SECTIONS) {
      blocks.add(AnswerBlocks.section(lines.toString()));
    }
    if (shown < s.policies().size()) {
      blocks.add(AnswerBlocks.context(List.of((s.policies().size() - shown) + " more on " + SlackText.link(base, "the school's policy page"))));
    }
  }

  private static List<LayoutBlock> schoolButtons(List<School> schools) {
    List<LayoutBlock> out = new ArrayList<>();
    List<BlockElement> row = new ArrayList<>();
    for (School s : schools) {
      row.add(AnswerBlocks.button(s.name(), AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_" + s.slug(), ":" + s.slug(), null));
      if (row.size() == MAX_ACTION_ELEMENTS) {
        out.add(ActionsBlock.builder().elements(row).build());
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      out.add(ActionsBlock.builder().elements(row).build());
    }
    return out;
  }
}
