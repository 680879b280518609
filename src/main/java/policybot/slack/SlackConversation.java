package policybot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.Answer;
import policybot.chat.AutoEscalation;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.corpus.Corpus;
import policybot.corpus.CorpusLoader;
import policybot.corpus.School;
import policybot.escalation.Asker;
import policybot.escalation.Case;
import policybot.escalation.CaseClause;
import policybot.escalation.CaseKind;
import policybot.escalation.CaseRequest;
import policybot.escalation.Escalations;
import policybot.escalation.Filing;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.store.Feedback;

/**
 * What the bot does with a question, a click or an opened Home tab from Slack, off the request
 * thread: picks the school, asks the chat core, keeps what must survive a restart, and sends the
 * answer where only the right people see it. Knows Slack's surfaces, not its wire format.
 */
final class SlackConversation implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(SlackConversation.class);

  /** Answering is CPU-bound (one embedding, one search), so one thread per core and a spare. */
  static final int ANSWER_THREADS = Runtime.getRuntime().availableProcessors() + 1;

  /** Questions waiting for a thread; past this Slack is asked to retry later instead. */
  static final int MAX_WAITING = 2_000;

  /** A top-level DM this soon after the last one may be a follow-up to it. */
  static final Duration DM_FOLLOW_UP_WINDOW = Duration.ofMinutes(30);

  /** In-flight work gets this long to finish at shutdown. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  /**
   * How long a concern raised before the person's school is known waits, in memory only, for them
   * to pick their school so it can reach that school's DSL: long enough to read the reply and
   * press a button, short enough that a concern's words are not held for long (they are never
   * written to {@code slack.db}).
   */
  static final Duration CONCERN_WAIT = Duration.ofHours(1);

  /** Marks a school button's pending id as a concern held in memory, not a question in the ledger. */
  static final String CONCERN_PREFIX = "concern-";

  /** How the store names this platform in feedback counts. */
  static final String PLATFORM = "slack";

  static final String NOT_READY = "I'm still loading the policies. Please ask again in a minute.";
  static final String FAILED = "Something went wrong while answering that. Please try again in a moment.";
  static final String HELP =
      "Ask me about your school's policies, e.g. `/policy can I use my phone in class?` "
          + "I answer privately, with the clauses I rely on and a button to share the answer. "
          + "When the policies don't settle a question I send it to the head myself, and their answer comes back to you. "
          + "`/policy ask-head <question>` sends a question straight to the head, with my answer.";
  static final String ASK_HEAD_USAGE =
      "Type your question after the command, e.g. `/policy ask-head can I bring my dog to school?` "
          + "I'll answer it and send it to the head; their answer comes back to you in a direct message from me.";

  private final ChatService chat;
  private final LiveIndex index;
  private final String defaultSchool;
  private final SlackSettings.SchoolMap schools;
  private final SlackLedger ledger;
  private final SlackApi api;
  private final Escalations escalations;
  private final AutoEscalation autoEscalation;
  private final SeenDeliveries seen;
  private final Predicate<String> isReviewer;
  private final Feedback feedback;
  private final String linkBase;
  private final Clock clock;
  private final ThreadPoolExecutor workers;
  /** Unknown school slugs already warned about, so a bad mapping is logged once, not per question. */
  private final Set<String> warnedUnknown = ConcurrentHashMap.newKeySet();

  /** A concern waiting for its asker to pick a school, and when it was raised. */
  private record AwaitingConcern(Asked asked, Instant at) {
    boolean expiredBy(Instant now) {
      return at.plus(CONCERN_WAIT).isBefore(now);
    }
  }

  /** Concerns raised before the school was known, by id, until picked or {@link #CONCERN_WAIT} passes. */
  private final Map<String, AwaitingConcern> concernsAwaitingSchool = new ConcurrentHashMap<>();

  SlackConversation(
      ChatService chat,
      LiveIndex index,
      String defaultSchool,
      SlackSettings.SchoolMap schools,
      SlackLedger ledger,
      SlackApi api,
      Escalations escalations,
      SeenDeliveries seen,
      Predicate<String> isReviewer,
      Feedback feedback,
      String linkBase,
      Clock clock) {
    this.chat = chat;
    this.index = index;
    this.defaultSchool = defaultSchool == null ? "" : defaultSchool.strip();
    this.schools = schools;
    this.ledger = ledger;
    this.api = api;
    this.escalations = escalations;
    this.autoEscalation = new AutoEscalation(escalations);
    this.seen = seen;
    this.isReviewer = isReviewer;
    this.feedback = feedback;
    this.linkBase = linkBase;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            ANSWER_THREADS,
            ANSWER_THREADS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING),
            r -> {
              Thread t = new Thread(r, "policybot-slack-answer-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues work off the request thread; false when too much is already waiting. */
  boolean submit(Runnable work) {
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              log.atError().setCause(e).log("Slack work failed");
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      log.atWarn().addKeyValue("waiting", workers.getQueue().size()).log("too many Slack questions waiting; asking Slack to retry");
      return false;
    }
  }

  SlackLedger ledger() {
    return ledger;
  }

  /** The deliveries already taken, in the shared store. */
  SeenDeliveries seen() {
    return seen;
  }

  // ---------------------------------------------------------------- questions

  /** Answers a question, or first asks the person which school they are at. */
  void ask(Asked asked) {
    Optional<String> toHead = headQuestion(asked);
    if (toHead.isPresent() && toHead.get().isBlank()) {
      deliverPrivately(asked, ASK_HEAD_USAGE, List.of(AnswerBlocks.section(ASK_HEAD_USAGE)));
      return;
    }
    if (asked.text().isBlank() || asked.text().equalsIgnoreCase("help")) {
      deliverPrivately(asked, HELP, List.of(AnswerBlocks.section(HELP)));
      return;
    }
    if (!index.isReady()) {
      deliverPrivately(asked, NOT_READY, List.of(AnswerBlocks.section(NOT_READY)));
      return;
    }
    List<School> candidates = candidates(asked.team(), asked.channel());
    Optional<School> school = school(asked.team(), asked.user(), candidates);
    if (school.isEmpty()) {
      if (answeredAsSafeguarding(toHead.map(asked::withText).orElse(asked), candidates)) {
        return;
      }
      // kept as typed, "ask-head" and all, so the question still goes to the head once the school is picked
      String pending = ledger.savePending(asked);
      deliverPrivately(asked, "Which school are you at?", AnswerBlocks.chooseSchool(candidates, pending));
      return;
    }
    answer(asked, school.get());
  }

  /**
   * A concern about a child must not wait for the person to pick a school: it is answered at once,
   * privately, with who to tell at each school it may be, and buttons to pick theirs. Its words are
   * held in memory only, for {@link #CONCERN_WAIT} at most, so that the pick can pass it to that
   * school's DSL as a case; before this it reached no DSL unless the person told them. False when
   * the question is not such a concern (the check does not depend on the school).
   */
  private boolean answeredAsSafeguarding(Asked asked, List<School> candidates) {
    List<SlackAnswer> perSchool = new ArrayList<>();
    try {
      for (School s : candidates.subList(0, Math.min(candidates.size(), AnswerBlocks.MAX_SAFEGUARDING_SCHOOLS))) {
        ChatService.Reply reply = chat.ask(s.slug(), asked.text(), Optional.empty());
        if (ChatService.Outcome.of(reply.answer()) != ChatService.Outcome.SAFEGUARDING) {
          return false;
        }
        perSchool.add(SlackAnswer.of(reply));
      }
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not check a question before asking for the school");
      return false;
    }
    if (perSchool.isEmpty()) {
      return false;
    }
    ledger.saveAnswer(asked, perSchool.get(0));
    Instant now = clock.instant();
    concernsAwaitingSchool.values().removeIf(c -> c.expiredBy(now));
    String id = CONCERN_PREFIX + UUID.randomUUID();
    concernsAwaitingSchool.put(id, new AwaitingConcern(asked, now));
    deliverPrivately(asked, AnswerBlocks.fallback(perSchool.get(0)), AnswerBlocks.safeguardingAtEach(candidates, perSchool, id));
    return true;
  }

  /** The question of {@code /policy ask-head <question>} (blank when none was typed), else empty. */
  private static Optional<String> headQuestion(Asked asked) {
    return asked.surface() == Asked.Surface.COMMAND ? SlackApp.askHeadQuestion(asked.text()) : Optional.empty();
  }

  private void answer(Asked typed, School school) {
    Optional<String> toHead = headQuestion(typed);
    Asked asked = toHead.map(typed::withText).orElse(typed);
    ChatService.Reply reply;
    try {
      reply = chat.ask(school.slug(), asked.text(), previous(asked));
    } catch (LiveIndex.NotReadyException e) {
      deliverPrivately(asked, NOT_READY, List.of(AnswerBlocks.section(NOT_READY)));
      return;
    } catch (RuntimeException e) {
      log.atError().setCause(e).addKeyValue("school", school.slug()).log("answering a Slack question failed");
      deliverPrivately(asked, FAILED, List.of(AnswerBlocks.section(FAILED)));
      return;
    }
    SlackAnswer answer = SlackAnswer.of(reply);
    ledger.saveAnswer(asked, answer);
    // filed before the answer is shown: the person hears "sent" only of a committed case
    AnswerBlocks.CaseNote note = toHead.isPresent() ? sendToHead(asked, reply, answer) : fileIfEscalated(asked, reply, answer);
    String fallback = AnswerBlocks.fallback(answer);
    switch (asked.surface()) {
      case DIRECT -> {
        if (!answer.isSafeguarding()) {
          remember(asked, asked.threadRoot());
        }
        api.postMessage(asked.channel(), asked.threadTs(), fallback, AnswerBlocks.render(answer, AnswerBlocks.Delivery.CONVERSATION, null, note))
            .thenAccept(
                ts -> {
                  // a reply in a thread under the bot's own answer follows up the same question
                  if (ts.isPresent() && asked.threadTs() == null && !answer.isSafeguarding()) {
                    ledger.startThread(asked.team(), asked.channel(), ts.get(), asked.text());
                  }
                });
      }
      case MENTION -> {
        List<LayoutBlock> blocks = AnswerBlocks.render(answer, AnswerBlocks.Delivery.CONVERSATION, null, note);
        if (answer.isSafeguarding()) {
          // never in the channel: only the person who asked sees it
          api.postEphemeral(asked.channel(), asked.user(), asked.threadRoot(), fallback, blocks);
        } else {
          remember(asked, asked.threadRoot());
          api.postMessage(asked.channel(), asked.threadRoot(), fallback, blocks);
        }
      }
      case COMMAND ->
          api.respond(asked.responseUrl(), false, false, fallback, AnswerBlocks.render(answer, AnswerBlocks.Delivery.PRIVATE, null, note));
    }
  }

  // ---------------------------------------------------------------- cases filed with an answer

  /** Files the engine's own escalation (a question for the head, a concern for the DSL); null when it did not escalate. */
  private AnswerBlocks.CaseNote fileIfEscalated(Asked asked, ChatService.Reply reply, SlackAnswer answer) {
    if (!AutoEscalation.escalates(reply.answer())) {
      return null;
    }
    AutoEscalation.Result result = autoEscalation.fileIfEscalated(reply, asker(asked, asked.user()), deliveryKey(asked, answer.id()));
    return caseNote(asked, answer, result);
  }

  /** {@code /policy ask-head}: files the question whatever the engine made of it. */
  private AnswerBlocks.CaseNote sendToHead(Asked asked, ChatService.Reply reply, SlackAnswer answer) {
    if (reply.answer() instanceof Answer.Refused) {
      return new AnswerBlocks.CaseNote("Nothing was sent to the head. Please ask again in other words.", false);
    }
    AutoEscalation.Result result = autoEscalation.file(reply, asker(asked, asked.user()), Origin.SLASH_COMMAND, deliveryKey(asked, answer.id()));
    return caseNote(asked, answer, result);
  }

  /**
   * The idempotency key for a case filed with an answer, from Slack's own ids for the delivery:
   * the message's ts (the same in a retry and in the message and mention events for one message),
   * or a slash command's response URL, hashed because it is a credential for replying.
   */
  static String deliveryKey(Asked asked, String answerId) {
    if (asked.surface() == Asked.Surface.COMMAND && asked.responseUrl() != null) {
      return "slack:command:" + CorpusLoader.sha256(asked.responseUrl().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (asked.channel() != null && asked.messageTs() != null) {
      return "slack:message:" + asked.team() + ":" + asked.channel() + ":" + asked.messageTs();
    }
    return "slack:answer:" + answerId;
  }

  /** What the person is told under the answer about the case, once filing is over. */
  private AnswerBlocks.CaseNote caseNote(Asked asked, SlackAnswer answer, AutoEscalation.Result result) {
    String head = SlackText.escape(headOf(answer.school()));
    String dsl = SlackText.escape(answer.reportTo());
    if (result instanceof AutoEscalation.Sent sent) {
      String number = sent.filed().id().substring(0, Math.min(8, sent.filed().id().length()));
      if (answer.isSafeguarding()) {
        return new AnswerBlocks.CaseNote(
            ":lock: I have also told the designated safeguarding lead, privately (case `" + number + "`). "
                + "That does not replace your own report: please still tell " + dsl + " today.",
            true);
      }
      remembered(asked, answer, sent.filed().id());
      return new AnswerBlocks.CaseNote(
          ":incoming_envelope: *Sent to the head* (case `" + number + "`"
              + (sent.repeated() ? "; it had already been sent, so it was not sent twice" : "")
              + "). They get your question and these clauses as a direct message from me, and their answer comes back "
              + whereAnswersGo(asked)
              + ". If you need an answer today, please ask " + head + " directly.",
          true);
    }
    if (result instanceof AutoEscalation.NoReviewers) {
      return answer.isSafeguarding()
          ? new AnswerBlocks.CaseNote(
              ":warning: No safeguarding lead is set up in Policy Bot for this school, so I have not told anyone: please report it to " + dsl + " today yourself.",
              false)
          : new AnswerBlocks.CaseNote(
              ":warning: Not sent: nobody at this school has been set up to review questions yet, so no one would see it. Please ask " + head + " directly.",
              false);
    }
    if (result instanceof AutoEscalation.Failed) {
      return answer.isSafeguarding()
          ? new AnswerBlocks.CaseNote(
              ":warning: I couldn't pass this to the safeguarding lead just now: please report it to " + dsl + " today yourself.", false)
          : new AnswerBlocks.CaseNote(
              ":warning: I couldn't send this to the head just now. Press *Ask the head* to try again, or ask " + head + " directly.", false);
    }
    return null;
  }

  /** Links the answer to its case, so Home shows it and a press of an old button reports the case. */
  private void remembered(Asked asked, SlackAnswer answer, String caseId) {
    try {
      ledger.requestHead(answer.id(), asked.user(), asked.team(), answer.school());
      ledger.caseFiled(answer.id(), asked.user(), caseId);
    } catch (RuntimeException e) {
      // the case is committed and its reviewer told; only the Home tab's note of it is missing
      log.atWarn().addKeyValue("error", e.toString()).log("could not note a filed case in the Slack ledger");
    }
  }

  private static String whereAnswersGo(Asked asked) {
    return switch (asked.surface()) {
      case MENTION -> asked.channel() != null && asked.threadRoot() != null ? "in this thread" : "in a direct message from me";
      case DIRECT -> "here";
      case COMMAND -> "in a direct message from me";
    };
  }

  /** Who asked and where their answer goes: the thread for a mention, the DM otherwise. */
  private static Asker asker(Asked asked, String user) {
    ReplyTo replyTo =
        switch (asked.surface()) {
          case MENTION -> asked.channel() != null && asked.threadRoot() != null
              ? new ReplyTo.Thread(asked.channel(), asked.threadRoot())
              : new ReplyTo.DirectMessage(user);
          case DIRECT -> new ReplyTo.DirectMessage(asked.channel() == null ? user : asked.channel());
          // a private answer has no lasting place: a message to a user id lands in their DM with the bot
          case COMMAND -> new ReplyTo.DirectMessage(user);
        };
    return new Asker(Platform.SLACK, user, user, replyTo);
  }

  /** The question a follow-up leans on: the thread's first, or the DM's last if recent. */
  private Optional<String> previous(Asked asked) {
    if (asked.channel() == null) {
      return Optional.empty();
    }
    if (asked.threadTs() != null) {
      return ledger.threadQuestion(asked.team(), asked.channel(), asked.threadTs());
    }
    if (asked.surface() == Asked.Surface.DIRECT) {
      return ledger.latestInDm(asked.team(), asked.channel(), clock.instant().minus(DM_FOLLOW_UP_WINDOW));
    }
    return Optional.empty();
  }

  private void remember(Asked asked, String threadRoot) {
    if (asked.channel() == null) {
      return;
    }
    if (threadRoot != null) {
      ledger.startThread(asked.team(), asked.channel(), threadRoot, asked.text());
    }
    if (asked.surface() == Asked.Surface.DIRECT && asked.threadTs() == null) {
      ledger.latestInDm(asked.team(), asked.channel(), asked.text());
    }
  }

  /** Sends something only the asker sees, whatever the surface. */
  private void deliverPrivately(Asked asked, String text, List<LayoutBlock> blocks) {
    String fallback = SlackText.escape(text);
    switch (asked.surface()) {
      case DIRECT -> api.postMessage(asked.channel(), asked.threadTs(), fallback, blocks);
      case MENTION -> api.postEphemeral(asked.channel(), asked.user(), asked.threadRoot(), fallback, blocks);
      case COMMAND -> api.respond(asked.responseUrl(), false, false, fallback, blocks);
    }
  }

  // ---------------------------------------------------------------- schools

  /** Schools a person in this workspace and channel may belong to. */
  List<School> candidates(String team, String channel) {
    Optional<Corpus> corpus = index.current().map(i -> i.corpus());
    if (corpus.isEmpty()) {
      return List.of();
    }
    List<String> all = List.copyOf(corpus.get().schools().keySet());
    List<String> fallback = corpus.get().school(defaultSchool).isPresent() ? List.of(defaultSchool) : all;
    List<School> out = new ArrayList<>();
    for (String slug : schools.candidates(team, channel, fallback)) {
      corpus.get().school(slug).ifPresentOrElse(out::add, () -> warnUnknown(slug));
    }
    if (out.isEmpty()) {
      fallback.forEach(slug -> corpus.get().school(slug).ifPresent(out::add));
    }
    return out;
  }

  private void warnUnknown(String slug) {
    if (warnedUnknown.add(slug)) {
      log.atWarn().addKeyValue("school", slug).log("SLACK_SCHOOLS names a school that is not in the corpus; using the default school(s) instead");
    }
  }

  private Optional<School> school(String team, String user, List<School> candidates) {
    if (candidates.size() == 1) {
      return Optional.of(candidates.get(0));
    }
    Optional<String> chosen = ledger.school(team, user);
    return candidates.stream().filter(s -> chosen.isPresent() && s.slug().equals(chosen.get())).findFirst();
  }

  // ---------------------------------------------------------------- clicks

  /**
   * A button press.
   *
   * @param team workspace
   * @param user who pressed it
   * @param channel where, or null on the Home tab
   * @param responseUrl where a reply to the press goes, or null on the Home tab
   * @param value the button's value
   * @param fromHome whether it was pressed on the Home tab
   * @param clickKey Slack's id for this one press, so a redelivered press is counted once
   */
  record Click(String team, String user, String channel, String responseUrl, String value, boolean fromHome, String clickKey) {}

  void feedback(Click click, boolean helpful) {
    Optional<SlackLedger.StoredAnswer> stored = ledger.answer(click.value());
    if (stored.isEmpty()) {
      reply(click, "That answer is too old to rate now.");
      return;
    }
    count(click, stored.get(), helpful ? Feedback.Choice.HELPFUL : Feedback.Choice.NOT_HELPFUL);
    log.atInfo().addKeyValue("id", click.value()).addKeyValue("helpful", helpful).log("feedback");
    reply(
        click,
        helpful
            ? "Thanks, I've noted that this answer helped."
            : "Thanks, I've noted that this answer did not help. If you need a ruling, press *Ask the head*.");
  }

  /**
   * Adds a press to the school's feedback counts in the store, which also gives the person's own
   * latest verdict back for their Home tab on any instance.
   */
  private void count(Click click, SlackLedger.StoredAnswer stored, Feedback.Choice choice) {
    try {
      feedback.record(
          new Feedback.Click(
              click.clickKey() == null ? "slack:" + stored.id() + ":" + click.user() + ":" + choice : "slack:" + click.clickKey(),
              stored.school(),
              stored.id(),
              stored.question().orElse(""),
              PLATFORM,
              click.user(),
              choice));
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not add a Slack button press to the feedback counts");
    }
  }

  void askHead(Click click) {
    Optional<SlackLedger.StoredAnswer> stored = ledger.answer(click.value());
    if (stored.isEmpty()) {
      reply(click, "That answer is too old now. Please ask the question again and press *Ask the head* on the new answer.");
      return;
    }
    SlackLedger.StoredAnswer s = stored.get();
    String head = headOf(s.school());
    if (s.answer().isSafeguarding() || s.question().isEmpty()) {
      reply(click, "A safeguarding concern goes to " + SlackText.escape(s.answer().reportTo()) + " today, not to a review queue. Please report it to them directly.");
      return;
    }
    Optional<Case> already = filedBefore(s.id(), click.user());
    if (already.isPresent()) {
      reply(click, "You have already sent this question to the head; it is " + caseStatus(already.get()) + ". If it is urgent, please ask " + SlackText.escape(head) + " directly.");
      return;
    }
    ledger.requestHead(s.id(), click.user(), click.team(), s.school());
    count(click, s, Feedback.Choice.ASK_HEAD);
    Filing filing;
    try {
      filing = escalations.file(caseRequest(s, click));
    } catch (RuntimeException e) {
      log.atError().setCause(e).addKeyValue("id", s.id()).log("could not file a case for the head");
      reply(click, "I couldn't send this to the head just now. It is noted here, but please ask " + SlackText.escape(head) + " directly.");
      return;
    }
    log.atInfo().addKeyValue("id", s.id()).addKeyValue("school", s.school()).addKeyValue("filing", filing.getClass().getSimpleName()).log("head's view requested");
    if (filing instanceof Filing.Created created) {
      ledger.caseFiled(s.id(), click.user(), created.filed().id());
      reply(
          click,
          "I've sent your question to the head, with the clauses I showed you; they get it as a direct message from me. "
              + "Their answer comes back to you here, and you can follow it in my Home tab. "
              + "If you need an answer today, please ask "
              + SlackText.escape(head)
              + " directly.");
    } else if (filing instanceof Filing.Repeated repeated) {
      ledger.caseFiled(s.id(), click.user(), repeated.filed().id());
      reply(click, "You have already sent this question to the head; it is " + caseStatus(repeated.filed()) + ". If it is urgent, please ask " + SlackText.escape(head) + " directly.");
    } else {
      reply(
          click,
          "I've noted that you want the head's view, but nobody at this school has been set up to review questions yet, so no one will see it. "
              + "Please ask "
              + SlackText.escape(head)
              + " directly.");
    }
  }

  /** The case already filed for this person's answer (by the engine or an earlier press), if any. */
  private Optional<Case> filedBefore(String answerId, String user) {
    try {
      return ledger.headRequest(answerId, user).flatMap(c -> c).flatMap(id -> escalations.cases().find(id));
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not look up an earlier case; filing is idempotent anyway");
      return Optional.empty();
    }
  }

  /** The case for the head: the engine's own reason when it escalated, else "asked for the head". */
  private static CaseRequest caseRequest(SlackLedger.StoredAnswer s, Click click) {
    Asker asker = asker(s.asked(), click.user());
    String key = "slack:" + s.id() + ":" + click.user();
    String question = s.question().orElseThrow();
    List<CaseClause> clauses = s.answer().caseClauses();
    if (s.answer().reason() != null) {
      return new CaseRequest(key, s.school(), CaseKind.QUESTION, question, Optional.of(s.answer().reason()), Origin.ASK_HEAD_BUTTON, asker, clauses);
    }
    return CaseRequest.askHead(key, s.school(), question, asker, Origin.ASK_HEAD_BUTTON, clauses);
  }

  private String headOf(String school) {
    return index.current().flatMap(i -> i.corpus().school(school)).map(sc -> sc.contacts().head()).orElse("the headteacher");
  }

  /** Where a case stands, in words for the person who asked. */
  static String caseStatus(Case c) {
    return switch (c.status()) {
      case OPEN -> "waiting for the head's review";
      case ANSWERED -> "answered by the head: " + c.answer().orElse("");
      case CLOSED -> "closed";
      case DISMISSED -> "set aside by the head";
    };
  }

  void share(Click click) {
    Optional<SlackLedger.StoredAnswer> stored = ledger.answer(click.value());
    if (stored.isEmpty() || !stored.get().user().equals(click.user())) {
      reply(click, "That answer can't be shared now. Please ask again.");
      return;
    }
    SlackAnswer answer = stored.get().answer();
    if (!answer.isShareable()) {
      // a safeguarding reply stays with the person who asked, whatever a button says
      reply(click, "This reply stays private.");
      return;
    }
    if (!seen.firstTime("share:" + answer.id())) {
      reply(click, "You've already shared this answer.");
      return;
    }
    api.respond(
        click.responseUrl(),
        true,
        false,
        AnswerBlocks.fallback(answer),
        AnswerBlocks.render(answer, AnswerBlocks.Delivery.SHARED, click.user()));
  }

  /** A school picked from the buttons: remembered, then any question waiting on it answered. */
  void chooseSchool(Click click) {
    String value = click.value() == null ? "" : click.value();
    int colon = value.lastIndexOf(':');
    String pendingId = colon <= 0 ? "" : value.substring(0, colon);
    String slug = value.substring(colon + 1);
    Optional<School> school = candidates(click.team(), click.channel()).stream().filter(s -> s.slug().equals(slug)).findFirst();
    if (school.isEmpty()) {
      reply(click, "I don't know that school. Please pick one of the buttons.");
      return;
    }
    ledger.rememberSchool(click.team(), click.user(), slug);
    log.atInfo().addKeyValue("school", slug).log("school chosen in Slack");
    if (click.responseUrl() != null) {
      api.respond(
          click.responseUrl(),
          false,
          true,
          "Got it",
          List.of(AnswerBlocks.section("Got it: " + SlackText.escape(school.get().name()) + ". I'll remember that; you can change it from my Home tab.")));
    }
    if (pendingId.startsWith(CONCERN_PREFIX)) {
      // only the person who raised it can pass it on, and only once, to one school
      AwaitingConcern concern = concernsAwaitingSchool.get(pendingId);
      boolean theirs = concern != null && concern.asked().user().equals(click.user()) && concernsAwaitingSchool.remove(pendingId, concern);
      if (theirs && !concern.expiredBy(clock.instant())) {
        answer(concern.asked(), school.get());
      } else {
        reply(click, "I no longer have that concern (I keep its words for an hour at most, and only until you pick a school), so I could not pass it on. Please tell your designated safeguarding lead yourself today.");
      }
    } else if (!pendingId.isEmpty()) {
      ledger.takePending(pendingId, click.user()).ifPresent(asked -> answer(asked, school.get()));
    }
    if (click.fromHome()) {
      home(click.team(), click.user());
    }
  }

  private void reply(Click click, String mrkdwn) {
    if (click.responseUrl() != null) {
      api.respond(click.responseUrl(), false, false, mrkdwn, List.of(AnswerBlocks.section(mrkdwn)));
    } else if (click.fromHome()) {
      home(click.team(), click.user());
    }
  }

  // ---------------------------------------------------------------- home

  /** Publishes the person's Home tab. */
  void home(String team, String user) {
    List<School> candidates = candidates(team, null);
    Optional<School> school = school(team, user, candidates);
    List<HomeView.Recent> recent = new ArrayList<>();
    for (SlackLedger.StoredAnswer s : ledger.recent(team, user, HomeView.RECENT_SHOWN)) {
      recent.add(
          new HomeView.Recent(
              s.question().orElse("(a safeguarding concern: its words are not kept)"),
              status(s, verdictOf(s.id(), user), headStatus(s.id(), user)),
              s.at()));
    }
    HomeView.Home home =
        new HomeView.Home(school, candidates.size() > 1 ? candidates : List.of(), linkBase, LocalDate.now(clock), recent, reviewer(user));
    api.publishHome(user, HomeView.render(home));
  }

  /** The person's latest Helpful / Not helpful on an answer, from the shared store. */
  private Optional<Boolean> verdictOf(String answerId, String user) {
    try {
      return feedback.verdictOf(PLATFORM, answerId, user).map(c -> c == Feedback.Choice.HELPFUL);
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not read feedback for the Home tab");
      return Optional.empty();
    }
  }

  private boolean reviewer(String user) {
    try {
      return isReviewer.test(user);
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not read the reviewers for the Home tab");
      return false;
    }
  }

  /** What became of a request for the head's view, if the person made one. */
  private Optional<String> headStatus(String answerId, String user) {
    Optional<Optional<String>> request = ledger.headRequest(answerId, user);
    if (request.isEmpty()) {
      return Optional.empty();
    }
    if (request.get().isEmpty()) {
      return Optional.of("not sent: no reviewer is set up for this school");
    }
    try {
      return Optional.of(escalations.cases().find(request.get().get()).map(SlackConversation::caseStatus).orElse("sent"));
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not read a case for the Home tab");
      return Optional.of("sent");
    }
  }

  /** What came of a question, in words for its asker. */
  static String status(SlackLedger.StoredAnswer s, Optional<Boolean> helpful, Optional<String> headRequest) {
    SlackAnswer a = s.answer();
    StringBuilder out = new StringBuilder();
    switch (a.outcome()) {
      case GROUNDED -> {
        out.append("Answered: ").append(a.verdict().plainWords());
        if (!a.quotes().isEmpty()) {
          out.append(" (").append(a.quotes().get(0).where()).append(")");
        }
      }
      case ESCALATED -> out.append("Not settled by the policies: ").append(a.reason() == null ? "needs the head's decision" : a.reason().explanation());
      case SAFEGUARDING -> out.append("Treated as a safeguarding concern: you were asked to report it to ").append(a.reportTo());
      case REFUSED -> out.append("Not answered: ").append(SlackText.cutAtSentence(a.text(), HomeView.QUESTION_CHARS));
    }
    headRequest.ifPresent(st -> out.append(" · you asked for the head's view: ").append(st));
    helpful.ifPresent(h -> out.append(h ? " · you marked it helpful" : " · you marked it not helpful"));
    return out.toString();
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
