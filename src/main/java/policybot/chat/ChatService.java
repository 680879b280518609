package policybot.chat;

import policybot.index.LiveIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.Answer;
import policybot.answer.AnswerService;
import policybot.answer.Question;

/**
 * The channel-agnostic conversation core: takes a question from any channel to the engine and
 * back, choosing the school when none is named, and timing, counting and logging each answer.
 * Question text is logged only at DEBUG: staff type pupils' names and disclosures into it.
 */
public final class ChatService {
  private static final Logger log = LoggerFactory.getLogger(ChatService.class);

  /**
   * Latency histogram buckets: an answer usually takes tens of milliseconds (one query embedding,
   * one search); the upper buckets catch a machine under load.
   */
  static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  /** Random bytes in an answer id: enough to tell a day's questions apart in the logs. */
  static final int ID_BYTES = 6;

  private final LiveIndex index;
  private final AnswerService engine;
  private final String defaultSchool;
  private final Counter questions;
  private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
  private final Timer latency;

  /** What the engine did with a question, as counted in metrics and shown on the wire. */
  public enum Outcome {
    GROUNDED,
    ESCALATED,
    SAFEGUARDING,
    REFUSED;

    public static Outcome of(Answer answer) {
      if (answer instanceof Answer.Grounded) {
        return GROUNDED;
      }
      if (answer instanceof Answer.Escalated) {
        return ESCALATED;
      }
      if (answer instanceof Answer.Safeguarding) {
        return SAFEGUARDING;
      }
      return REFUSED;
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An answer with the id it is logged under and how long the engine took. */
  public record Reply(String id, Answer answer, long latencyMs) {}

  public ChatService(LiveIndex index, AnswerService engine, String defaultSchool, MeterRegistry registry) {
    this.index = index;
    this.engine = engine;
    this.defaultSchool = defaultSchool == null ? "" : defaultSchool.strip();
    this.questions =
        Counter.builder("policybot.questions").description("Questions answered").register(registry);
    for (Outcome o : Outcome.values()) {
      outcomes.put(
          o,
          Counter.builder("policybot.answers")
              .description("Answers by outcome")
              .tag("outcome", o.wire())
              .register(registry));
    }
    this.latency =
        Timer.builder("policybot.answer.latency")
            .description("Time the engine took to answer a question")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
  }

  /**
   * Answers {@code text} for {@code school} (blank: the default school), with the question before
   * it in the same conversation, if any, for follow-ups.
   *
   * @throws LiveIndex.NotReadyException before the first index is loaded
   */
  public Reply ask(String school, String text, Optional<String> previous) {
    if (!index.isReady()) {
      throw new LiveIndex.NotReadyException();
    }
    String id = newId();
    String slug = school == null || school.isBlank() ? defaultSchool() : school.strip();
    Optional<String> prior = previous.map(String::strip).filter(p -> !p.isEmpty());
    long start = System.nanoTime();
    Answer answer = engine.ask(new Question(slug, text == null ? "" : text, prior));
    long nanos = System.nanoTime() - start;
    latency.record(Duration.ofNanos(nanos));
    questions.increment();
    Outcome outcome = Outcome.of(answer);
    outcomes.get(outcome).increment();
    long millis = nanos / 1_000_000;
    log.atInfo()
        .addKeyValue("id", id)
        .addKeyValue("school", slug)
        .addKeyValue("outcome", outcome.wire())
        .addKeyValue("verdict", answer instanceof Answer.Grounded g ? g.verdict().wire() : "-")
        .addKeyValue("citations", answer.citations().size())
        .addKeyValue("follow_up", prior.isPresent())
        .addKeyValue("latency_ms", millis)
        .log("answered");
    if (log.isDebugEnabled()) {
      log.atDebug().addKeyValue("id", id).addKeyValue("question", text).log("question text");
    }
    return new Reply(id, answer, millis);
  }

  /** The configured default school, or the first school in the corpus. */
  public String defaultSchool() {
    if (!defaultSchool.isEmpty()) {
      return defaultSchool;
    }
    return index.current()
        .flatMap(i -> i.corpus().schools().keySet().stream().findFirst())
        .orElse("");
  }

  private static String newId() {
    byte[] bytes = new byte[ID_BYTES];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
