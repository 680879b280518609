package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.TestEngine;
import policybot.answer.Answer;
import policybot.answer.AnswerRecord;
import policybot.answer.AnswerService;
import policybot.answer.RulingCitation;
import policybot.answer.Verdict;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.store.Store;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

/**
 * A head's published answer makes later answers better: a ruling published through {@link
 * Escalations#answer} is cited when a paraphrase of its question is asked through the real chat
 * core and engine over the real index, and stops being cited when it is withdrawn or a policy it
 * rests on changes, until it is re-approved.
 */
class RulingsInAnswersTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private static final String SCHOOL = "moorthorpe";
  private static final String HEAD = "U0HEAD";
  private static final String HEAD_NAME = "Mrs Khan";
  private static final String DEPUTY = "U0DEPUTY";

  /** A question the policies do not settle (dev set moorthorpe-016): the engine escalates it. */
  private static final String ASKED = "can i leave my school laptop in the car overnight";

  private static final String PARAPHRASE = "is it ok to keep the school laptop in my car overnight?";
  private static final String RULING = "No. Take a school laptop indoors with you; never leave one in a car overnight.";

  /** Longest wait for the live index to rebuild a copied corpus. */
  private static final Duration SWAP_TIMEOUT = Duration.ofMinutes(3);

  private final TestClock clock = TestClock.at("2026-01-13T10:00:00Z");

  @TempDir Path dir;

  /** The repository's corpus, loaded once for the tests that do not change it. */
  private static LiveIndex shared;

  private static Path sharedIndexDir;

  @BeforeAll
  static void loadIndex(@TempDir Path indexDir) throws InterruptedException {
    sharedIndexDir = indexDir;
    shared = LiveIndex.start(TestEngine.CORPUS, indexDir, Duration.ZERO, TestEngine.embedder());
    assertThat(shared.awaitReady(SWAP_TIMEOUT)).isTrue();
  }

  @AfterAll
  static void closeIndex() {
    shared.close();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_cite_a_published_ruling_for_a_paraphrase_until_it_is_edited_or_withdrawn(Db db) {
    Store store = stores.open(db);
    LiveIndex live = shared;
    Rulings rulings = new Rulings(store, clock);
    Escalations escalations = escalations(store, rulings, live);
    ChatService chat = chat(live, new RulingFinder(rulings));

    // given the question escalates, and the head answers it and publishes the answer
    Answer first = chat.ask(SCHOOL, ASKED, Optional.empty()).answer();
    assertThat(first).isInstanceOf(Answer.Escalated.class);
    Ruling ruling = publish(escalations, first);
    assertThat(ruling.restsOn()).isNotEmpty();

    // when a paraphrase is asked
    Answer answer = chat.ask(SCHOOL, PARAPHRASE, Optional.empty()).answer();

    // then it is answered from the ruling, by name and date, with the nearest clauses
    assertThat(answer).isInstanceOf(Answer.Grounded.class);
    Answer.Grounded grounded = (Answer.Grounded) answer;
    assertThat(grounded.rulings()).hasSize(1);
    RulingCitation cited = grounded.rulings().get(0);
    assertThat(cited.rulingId()).isEqualTo(ruling.id());
    assertThat(cited.text()).isEqualTo(RULING);
    assertThat(cited.reviewer()).isEqualTo(HEAD_NAME);
    assertThat(cited.decidedOn()).isEqualTo(LocalDate.of(2026, 1, 13));
    assertThat(grounded.verdict()).isEqualTo(Verdict.NO);
    assertThat(grounded.citations()).isNotEmpty();
    assertThat(grounded.text()).contains("Ruling by Mrs Khan, 13 January 2026").contains(RULING);
    AnswerRecord record = AnswerRecord.of("id", answer, 1);
    assertThat(record.escalate()).isFalse();
    assertThat(record.rulings())
        .containsExactly(new AnswerRecord.RulingRecord(RULING, ASKED, HEAD_NAME, "2026-01-13"));

    // and an unrelated question, or another one about school laptops, does not cite it
    assertThat(rulingsFor(chat, "can I take photos of my class on my phone")).isEmpty();
    assertThat(rulingsFor(chat, "can i take my school laptop home at the weekend")).isEmpty();
    assertThat(rulingsFor(chat.ask("glais", PARAPHRASE, Optional.empty()).answer())).as("another school").isEmpty();

    // when the deputy edits it, the new words are cited under the deputy (no name known: the id)
    clock.advance(Duration.ofDays(2));
    String edited = "Yes, if it is locked out of sight in the boot and the car is at your home.";
    rulings.edit(ruling.id(), ASKED, edited, DEPUTY).orElseThrow();
    List<RulingCitation> afterEdit = rulingsFor(chat, PARAPHRASE);
    assertThat(afterEdit).extracting(RulingCitation::text).containsExactly(edited);
    assertThat(afterEdit).extracting(RulingCitation::reviewer).containsExactly(DEPUTY);
    assertThat(afterEdit).extracting(RulingCitation::decidedOn).containsExactly(LocalDate.of(2026, 1, 15));

    // and when it is withdrawn, the paraphrase goes back to the head
    rulings.withdraw(ruling.id(), HEAD).orElseThrow();
    assertThat(chat.ask(SCHOOL, PARAPHRASE, Optional.empty()).answer()).isInstanceOf(Answer.Escalated.class);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_stop_citing_a_ruling_when_its_policy_changes_until_it_is_reapproved(Db db) throws Exception {
    Path corpus = copy(TestEngine.CORPUS, dir.resolve("corpus"));
    // the shared index of the same files: the live index starts as after an unchanged restart
    copy(sharedIndexDir, dir.resolve("index"));
    try (LiveIndex live = LiveIndex.start(corpus, dir.resolve("index"), Duration.ofMillis(200), TestEngine.embedder())) {
      assertThat(live.awaitReady(SWAP_TIMEOUT)).isTrue();
      Store store = stores.open(db);
      Rulings rulings = new Rulings(store, clock);
      Escalations escalations = escalations(store, rulings, live);
      RulingFinder finder = new RulingFinder(rulings);
      // wired as serve wires it; the semaphore says when the finder has seen a swap
      live.onSwap(finder::flagChanged);
      Semaphore swapsSeen = new Semaphore(0);
      live.onSwap(i -> swapsSeen.release());
      assertThat(swapsSeen.tryAcquire(SWAP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the loaded index is told").isTrue();
      ChatService chat = chat(live, finder);
      Ruling ruling = publish(escalations, chat.ask(SCHOOL, ASKED, Optional.empty()).answer());
      assertThat(rulingsFor(chat, PARAPHRASE)).extracting(RulingCitation::rulingId).containsExactly(ruling.id());

      // when a policy the ruling rests on changes and the live index reloads
      for (PolicyVersion v : ruling.restsOn()) {
        Path file = corpus.resolve(SCHOOL).resolve(live.get().corpus().school(SCHOOL).orElseThrow().policy(v.policy()).orElseThrow().file());
        Files.writeString(file, "\nStaff must sign school equipment out with the office.\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
      assertThat(swapsSeen.tryAcquire(SWAP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the changed corpus is swapped in").isTrue();

      // then the ruling is flagged and no longer cited
      assertThat(rulings.find(ruling.id()).orElseThrow().status()).isEqualTo(RulingStatus.NEEDS_REAPPROVAL);
      assertThat(rulingsFor(chat, PARAPHRASE)).isEmpty();

      // when the head re-approves it against the policies as they are now, it is cited again
      List<PolicyVersion> now =
          ruling.restsOn().stream().map(v -> new PolicyVersion(v.policy(), live.policyHashes(SCHOOL).get(v.policy()))).toList();
      assertThat(now).doesNotContainAnyElementsOf(ruling.restsOn());
      rulings.reapprove(ruling.id(), HEAD, now).orElseThrow();
      List<RulingCitation> again = rulingsFor(chat, PARAPHRASE);
      assertThat(again).extracting(RulingCitation::rulingId).containsExactly(ruling.id());
      assertThat(again).extracting(RulingCitation::reviewer).as("the same reviewer keeps their name").containsExactly(HEAD_NAME);
    }
  }

  private Escalations escalations(Store store, Rulings rulings, LiveIndex live) {
    new Roster(store, clock).put(new Reviewers(SCHOOL, HEAD, DEPUTY, "U0DSL"));
    return new Escalations(new Cases(store, clock), rulings, live::policyHashes);
  }

  private static ChatService chat(LiveIndex live, RulingFinder finder) {
    AnswerService engine = new AnswerService(live, TestEngine.BASE, TestEngine.CLOCK, finder);
    return new ChatService(live, engine, SCHOOL, new SimpleMeterRegistry());
  }

  /** Files the escalated answer as a case and has the head answer it with publish=true. */
  private static Ruling publish(Escalations escalations, Answer escalated) {
    Filing filing = escalations.file(CaseRequest.of(escalated, Fixtures.teacher(), Origin.ENGINE, "key-" + escalated.question()));
    assertThat(filing).isInstanceOf(Filing.Created.class);
    String caseId = ((Filing.Created) filing).filed().id();
    Escalations.Answered answered = escalations.answer(caseId, HEAD, Optional.of(HEAD_NAME), RULING, true);
    return answered.ruling().orElseThrow();
  }

  private static List<RulingCitation> rulingsFor(ChatService chat, String question) {
    return rulingsFor(chat.ask(SCHOOL, question, Optional.empty()).answer());
  }

  private static List<RulingCitation> rulingsFor(Answer answer) {
    return answer instanceof Answer.Grounded g ? g.rulings() : List.of();
  }

  private static Path copy(Path from, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }
}
