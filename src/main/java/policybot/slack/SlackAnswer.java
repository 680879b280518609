package policybot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import policybot.answer.Answer;
import policybot.answer.Citation;
import policybot.answer.EscalationReason;
import policybot.answer.RulingCitation;
import policybot.answer.Verdict;
import policybot.chat.ChatService;
import policybot.escalation.CaseClause;

/**
 * An answer as the Slack side shows and keeps it: everything the layouts need, and nothing from
 * Slack's wire format. Kept in the ledger as JSON so "Share in channel" shows exactly what the
 * person saw, even after a restart or an index reload.
 *
 * @param id the answer id the chat core logged it under; the buttons carry it
 * @param school school slug
 * @param outcome grounded, escalated, safeguarding or refused
 * @param verdict the verdict of a grounded answer, else null
 * @param text the engine's reply in plain words
 * @param question what was asked; empty for a safeguarding concern, which is never kept
 * @param quotes the clauses shown, best first
 * @param warnings review-date and other warnings
 * @param reportTo who a safeguarding concern goes to, else empty
 * @param reason why an escalated question goes to the head, else null
 * @param rulings reviewers' rulings the answer cites, best first
 */
record SlackAnswer(
    String id,
    String school,
    ChatService.Outcome outcome,
    Verdict verdict,
    String text,
    String question,
    List<Quote> quotes,
    List<String> warnings,
    String reportTo,
    EscalationReason reason,
    List<RulingNote> rulings) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  SlackAnswer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    school = school == null ? "" : school;
    text = text == null ? "" : text;
    question = question == null ? "" : question;
    quotes = quotes == null ? List.of() : List.copyOf(quotes);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    reportTo = reportTo == null ? "" : reportTo;
    rulings = rulings == null ? List.of() : List.copyOf(rulings);
  }

  /**
   * A cited ruling: the reviewer's words, the question they answered, and "Ruling by {name}, {date}".
   */
  record RulingNote(String text, String question, String attribution) {
    static RulingNote of(RulingCitation r) {
      return new RulingNote(r.text(), r.question(), r.attribution());
    }
  }

  /**
   * One quoted clause.
   *
   * @param policy policy slug
   * @param clauseId the clause's anchor in its policy
   * @param title policy title
   * @param section heading path, or empty
   * @param link the clause's anchor on its policy page
   * @param text the clause, verbatim
   * @param highlightStart start of the key sentence in {@code text}
   * @param highlightEnd end (exclusive) of the key sentence
   */
  record Quote(
      String policy, String clauseId, String title, String section, String link, String text, int highlightStart, int highlightEnd) {
    Quote {
      if (highlightStart < 0 || highlightEnd > text.length() || highlightStart > highlightEnd) {
        throw new IllegalArgumentException("highlight outside the clause text");
      }
    }

    static Quote of(Citation c) {
      return new Quote(c.clause().policy(), c.clause().id(), c.title(), c.section(), c.link(), c.text(), c.highlightStart(), c.highlightEnd());
    }

    /** "Policy title › section", as the link reads. */
    String where() {
      return section.isEmpty() ? title : title + " › " + section.replace(" > ", " › ");
    }
  }

  static SlackAnswer of(ChatService.Reply reply) {
    Answer a = reply.answer();
    List<Quote> quotes = a.citations().stream().map(Quote::of).toList();
    ChatService.Outcome outcome = ChatService.Outcome.of(a);
    // Java 17 has no pattern switch; the sealed interface keeps this list complete
    if (a instanceof Answer.Grounded g) {
      return new SlackAnswer(
          reply.id(), g.school(), outcome, g.verdict(), g.text(), g.question(), quotes, g.warnings(), "", null,
          g.rulings().stream().map(RulingNote::of).toList());
    }
    if (a instanceof Answer.Escalated e) {
      return new SlackAnswer(reply.id(), e.school(), outcome, null, e.text(), e.question(), quotes, List.of(), "", e.reason(), List.of());
    }
    if (a instanceof Answer.Safeguarding s) {
      // the question is a disclosure about a child: it is not written down anywhere by the bot
      return new SlackAnswer(reply.id(), s.school(), outcome, null, s.text(), "", quotes, List.of(), s.reportTo(), null, List.of());
    }
    Answer.Refused r = (Answer.Refused) a;
    return new SlackAnswer(reply.id(), r.school(), outcome, null, r.text(), r.question(), List.of(), List.of(), "", null, List.of());
  }

  boolean isSafeguarding() {
    return outcome == ChatService.Outcome.SAFEGUARDING;
  }

  /** Grounded and escalated answers may be shared and rated; the others are not answers to share. */
  boolean isShareable() {
    return outcome == ChatService.Outcome.GROUNDED || outcome == ChatService.Outcome.ESCALATED;
  }

  /** The quoted clauses as an escalation case keeps them. */
  List<CaseClause> caseClauses() {
    return quotes.stream().map(q -> new CaseClause(q.policy(), q.clauseId(), q.title(), q.section(), q.link(), q.text())).toList();
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static SlackAnswer fromJson(String json) {
    try {
      return JSON.readValue(json, SlackAnswer.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable answer in the Slack ledger: " + e.getMessage(), e);
    }
  }
}
