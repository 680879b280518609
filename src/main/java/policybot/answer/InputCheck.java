package policybot.answer;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns away input that cannot be answered as asked, with a message saying what to do instead. */
final class InputCheck {
  /** Longer than this is a pasted document, not a question; staff questions are a line or two. */
  static final int MAX_QUESTION_CHARS = 1000;

  /** Share of characters that must be ordinary text; below it the input is binary junk. */
  static final double MIN_TEXT_SHARE = 0.85;

  /** A question of at least this many words with no English words in it is in another language. */
  static final int MIN_WORDS_FOR_LANGUAGE_CHECK = 3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  /** Common English words; one of them in a question is enough to try answering it. */
  private static final Set<String> ENGLISH =
      Set.of(
          "i", "can", "a", "the", "my", "to", "is", "it", "am", "are", "do", "does", "we", "you",
          "on", "in", "of", "for", "what", "who", "how", "when", "where", "why", "which", "should",
          "may", "allowed", "use", "phone", "photo", "photos", "pics", "school", "staff", "pupil",
          "pupils", "child", "children", "kids", "and", "or", "if", "with", "about", "at", "be",
          "me", "our", "this", "that", "any", "from", "by", "not", "need", "have", "has", "get",
          "take", "ok", "okay", "email", "laptop", "parent", "parents", "social", "media",
          "facebook", "password", "home", "trip", "class", "what's", "whats", "i'm", "im", "go",
          "she", "he", "her", "his", "they", "them", "told", "said", "think", "just", "so", "too",
          "again", "also", "still", "will", "would", "could", "there", "their", "up", "out", "no",
          "yes", "please", "help", "tell", "want", "know", "someone", "policy", "rules", "mobile");

  /**
   * Words that make up a greeting or a thanks. A message of nothing else is not sent to search: it
   * would come back as "no clause covers this" and, in chat, go to the head as a question.
   */
  private static final Set<String> SMALL_TALK =
      Set.of(
          "hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "good", "thanks", "thank",
          "you", "thankyou", "ta", "cheers", "ok", "okay", "great", "brilliant", "bye", "goodbye",
          "there", "bot", "much", "many", "very", "so", "a", "lot", "loads", "again", "all", "lovely", "perfect",
          "cool", "nice", "one");

  private InputCheck() {}

  /**
   * The refusal for input that cannot be answered as asked, or empty.
   *
   * @param schoolKnown whether {@code school} is one of {@code schools}, looked up by the caller
   * @param schools the schools there are, named in the reply to an unknown one
   */
  static Optional<Answer.Refused> check(String school, String text, boolean schoolKnown, Collection<String> schools) {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty()) {
      return refuse(school, q, Answer.Problem.EMPTY, "Please type a question, for example \"Can I use my phone on a school trip?\"");
    }
    if (q.length() > MAX_QUESTION_CHARS) {
      return refuse(
          school,
          q.substring(0, 80) + "…",
          Answer.Problem.TOO_LONG,
          "That is " + q.length() + " characters long. Please ask one question in under "
              + MAX_QUESTION_CHARS + " characters; for a longer matter, ask the head directly.");
    }
    long ordinary = q.codePoints().filter(InputCheck::isOrdinary).count();
    if (ordinary < MIN_TEXT_SHARE * q.codePointCount(0, q.length())) {
      return refuse(school, "", Answer.Problem.NOT_TEXT, "That doesn't look like a question in words. Please type your question as text.");
    }
    if (!schoolKnown) {
      return refuse(
          school,
          q,
          Answer.Problem.UNKNOWN_SCHOOL,
          "I don't know a school called \"" + school + "\". "
              + (schools.isEmpty()
                  ? "No school's policies are loaded yet: put each school's policies in a folder of the corpus folder first."
                  : "The schools I know are: " + String.join(", ", schools) + ". Choose one of them and ask again."));
    }
    var words = WORD.matcher(q.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).toList();
    if (!words.isEmpty() && SMALL_TALK.containsAll(words)) {
      return refuse(
          school,
          q,
          Answer.Problem.NOT_A_QUESTION,
          "Hello! Ask me about the school's policies, for example \"Can I use my phone on a school trip?\", and I'll quote the rules that answer it.");
    }
    if (words.size() >= MIN_WORDS_FOR_LANGUAGE_CHECK && words.stream().noneMatch(ENGLISH::contains)) {
      return refuse(
          school,
          q,
          Answer.Problem.NOT_ENGLISH,
          "I can only read the policies in English, so please ask in English. If that is hard, ask the head or a colleague to help.");
    }
    return Optional.empty();
  }

  private static boolean isOrdinary(int cp) {
    if (cp == '\n' || cp == '\t' || cp == '\r') {
      return true;
    }
    int type = Character.getType(cp);
    return cp != 0xFFFD
        && type != Character.CONTROL
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE
        && type != Character.SURROGATE;
  }

  private static Optional<Answer.Refused> refuse(String school, String q, Answer.Problem p, String message) {
    return Optional.of(new Answer.Refused(school, q, p, message));
  }
}
