package policybot.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English analysis for policy text: possessives, lowercase, stopwords, Porter stemming. The query
 * side adds the school-domain synonym list, so "pics on a residential" finds "photographs on
 * external trips/visits" while the index keeps only the policy's own words.
 */
public final class PolicyAnalyzer extends Analyzer {

  /** Words the stemmer would merge with unrelated ones ("outing" would become "out"). */
  private static final CharArraySet NOT_STEMMED =
      new CharArraySet(List.of("outing", "outings", "pics"), true);

  private static final String SYNONYMS = "/policybot/index/synonyms.txt";

  /**
   * Lucene's English stop list is 33 words, so "who do I ask" kept "who", "do" and "i" as search
   * terms; the Snowball list is fuller. It also drops "own", "not", "only", "off" and "during",
   * which change what a policy allows, but keeping them as search terms was measured worse
   * (session 7, dev set): all of them raised top 1 from 0.721 to 0.733 but dropped the verdict on
   * answered questions from 0.924 to 0.882, because clauses that merely say "not" or "only" rose to
   * the top; keeping only "own", "off", "out", "during" and the like lost a blind check set's top 3
   * (0.840 to 0.820). The verdict reader sees the whole sentence, negations included.
   */
  private static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    try (Reader r =
        new InputStreamReader(
            org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream("english_stop.txt"),
            StandardCharsets.UTF_8)) {
      return CharArraySet.unmodifiableSet(org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(r));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Lucene's Snowball stop list", e);
    }
  }

  /**
   * Words that frame a question rather than name its subject ("can I ...", "is it ok to ...", "am I
   * allowed to ..."). A clause need not contain them to answer the question, so they do not count
   * when checking how much of a question a clause covers.
   */
  static final CharArraySet QUESTION_FRAMING =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              List.of("can", "could", "may", "might", "ok", "okay", "alright", "allowed", "allow", "permitted",
                  "fine", "just", "still", "also", "even", "really", "please", "anyone", "someone", "something",
                  "anything", "need", "want", "get", "got", "go", "whats", "now", "say", "says", "said", "tell",
                  "meant", "supposed", "actually", "bit"),
              true));

  /**
   * Everyday words that carry no topic ("put", "new", "stuff", "tonight"): the policies seldom use
   * them, so within a school's clauses they look as rare as a real subject ("CCTV") and a clause
   * lacking them lost as much coverage. A clause need not say them to answer the question.
   */
  static final CharArraySet TOPIC_NEUTRAL =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              List.of("do", "does", "did", "doing", "done", "make", "makes", "made", "making", "put", "puts", "putting",
                  "let", "lets", "try", "trying", "know", "think", "mean", "means", "wondering", "wonder", "thing", "things",
                  "stuff", "lot", "lots", "loads", "way", "new", "old", "quick", "quickly", "little", "big", "good", "great",
                  "lovely", "nice", "free", "whole", "today", "tonight", "tomorrow", "yesterday", "morning", "evening",
                  "maybe", "probably", "already", "again", "ever", "sure", "mine", "fix", "sort", "help", "first"),
              true));

  /** A phrase as staff word it, and what the rest of the analysis should see instead. */
  record Rewrite(Pattern phrase, String replacement) {
    /** A rewrite of {@code regex}, matched ignoring case, to {@code replacement} ({@code $0} for the words matched). */
    static Rewrite of(String regex, String replacement) {
      return new Rewrite(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
    }

    String apply(String text) {
      return phrase.matcher(text).replaceAll(replacement);
    }
  }

  /**
   * A relationship the question says was there first: "friends since way before her son started",
   * "for years", "already mates". The policies' "pre-existing".
   */
  public static final Pattern THERE_FIRST =
      Pattern.compile(
          "\\b((since|from) )?(way |long |well )?before (he|she|they|her|his|their|my|the) [\\w' ]{0,20}(started|joined|came)\\b|\\bfor (years|ages)\\b|\\balready (friends|mates)\\b",
          Pattern.CASE_INSENSITIVE);

  /** What staff call the credentials the policies say must not be disclosed: a password, a PIN, a login. */
  private static final String CREDENTIAL = "(?:passwords?|pass ?codes?|pins?|logins?|log-ins?|log ?ins?|logons?|log ?in details|login details)";

  /** The social media accounts staff name: "my insta", "on tiktok", "her snapchat". */
  private static final String SOCIAL_ACCOUNT = "(?:whatsapp|snapchat|snap|insta|instagram|tiktok|facebook|fb|twitter|social media|socials)";

  /** Handing something over, or being asked for it: "give her my", "asked for my", "wants my". */
  private static final String HANDED_OVER =
      "(?:give|gives|giving|gave|pass|passing|hand|handing|share|sharing|send|sending|want|wants|wanted|asking for|asked for|ask for|asks for)";

  /** A device of one's own: "my own iPad", "her own laptop". */
  private static final String OWN_KIT = "(?:my|her|his|their|our|your) own (?:ipad|tablet|laptop|kindle|chromebook|macbook|computer|pc|speaker|camera)s?\\b";

  /**
   * Phrases in questions that the word-by-word analysis would misread, rewritten before it:
   * <ul>
   *   <li>"not sure", "don't know whether": the stop list strips "not" and "don't", and "sure" names
   *       no topic, so nothing was left; read as "unsure", which the synonym list maps to the
   *       policies' "concerns or clarification should be discussed with".
   *   <li>"lunch break", "on my break": a rest, not "break" as in damaged, which the synonym list
   *       maps to "damaged, broken".
   *   <li>"friends since way before her son started", "for years": a relationship that was there
   *       first, the policies' "pre-existing"; "before" is a stop word.
   *   <li>"tick 'remember me'", "save my password", "stay logged in": the policies' "automated logon
   *       procedures".
   *   <li>"can I email a few over to the journalist?", "send them on to parents": handing copies
   *       outside, the policies' "Images will not be distributed outside the school network".
   *   <li>"one of the kids wants my mobile no.", "giving them my number": giving out a number, the
   *       policies' "give out their own personal details, such as telephone/mobile number"; "no"
   *       alone is a stop word.
   *   <li>"setting up an insta account for our class", "make a facebook group for my class
   *       parents": the policies' "work-based profiles or groups" and "new social media services".
   *   <li>"a red screen saying all my files are encrypted and i need to pay to get them back": a
   *       virus, as the policies call it, though the message never says so.
   *   <li>"can i give him my handle", "my insta username": the policies' "social networking pages".
   *   <li>"my year 6s", "the Y4 residential": a year group is pupils; "years" alone matched "Review
   *       Period: Three Years".
   *   <li>"pop a couple on my insta", "stick it on the school facebook page": posting it.
   *   <li>"can she log in as me?": using another user's login, the policies' "another user's ID or
   *       password".
   *   <li>"can i give her my password?", "she asked to use my login", "they need my password, do i
   *       give it them?", "her login isnt working - can i let her use mine?": sharing it, the
   *       policies' "disclose any passwords" (a social media "username" given to a pupil is not a
   *       password, so it is left out); "my TA keeps asking for my login" too.
   *   <li>"a pop-up came up": one word, which the synonym list maps to the policies' online safety
   *       incident; as two, "up" is a stop word and "pop" alone means nothing.
   *   <li>"put a maths game on the class PC", "get an app onto my laptop": installing it, the
   *       policies' word; "put" and "get" name no topic.
   *   <li>"can the school see what sites I go on?", "does anyone check what websites we visit?":
   *       the policies' "monitored".
   *   <li>"one of my yr6s asked for my whatsapp", "can I give her my snapchat?": giving out one's
   *       social networking pages, the policies' "personal details".
   *   <li>"clicked a link and a dodgy site came up", "ended up on a porn site": access by accident,
   *       which the synonym list takes to the policies' "inadvertent" and "accidental" access (not
   *       the words "inadvertent access" themselves, which a school that never uses them counted
   *       against its own answer).
   *   <li>"looking at stuff they shouldn't", "really bad websites", "nasty stuff came up": the
   *       policies' "inappropriate" material.
   *   <li>"the local paper wants a photo", "a journalist asked for pics": images going outside the
   *       school, the policies' "distributed outside the school network".
   *   <li>"will that come back on me?", "who gets the blame?", "not my problem, right?", "am I on
   *       the hook?": the policies' "responsible for".
   *   <li>"a bit of online shopping", "renew my car insurance", "online banking": personal errands,
   *       the policies' "personal use" of school equipment.
   *   <li>"can I bring my own iPad in for phonics?": using a device of one's own, the policies'
   *       "personal ICT equipment" and "personal devices"; not "take reports home on my own laptop",
   *       which is about the data.
   * </ul>
   */
  static final List<Rewrite> QUESTION_PHRASES =
      List.of(
          Rewrite.of(
              "\\b(not|n't|never)( (quite|really|totally|completely|100%))? sure\\b|\\b(don't|dont|do not) know (if|whether)\\b",
              " unsure "),
          Rewrite.of("\\b(lunch|tea|coffee|morning|afternoon|dinner) ?break\\b", "$1"),
          new Rewrite(THERE_FIRST, " pre-existing "),
          Rewrite.of(
              "\\b(?:" + SOCIAL_ACCOUNT + " (?:handle|username|user name|name)|(?:my|your|his|her|their) handle)s?\\b",
              "$0 social networking pages"),
          Rewrite.of(
              "\\b(files|documents|computer|pc|laptop)( \\w+){0,3} (are|is|have been|has been|got|been) (locked|encrypted)\\b|\\bpay( \\w+){0,2} to (get|unlock) (them|it|my files|the files)( back)?\\b|\\bransom\\b",
              "$0 virus"),
          Rewrite.of(
              "\\b(?:set ?up|setting up|sets up|start|starting|make|making|create|creating|open|opening)\\b"
                      + "(?=[\\w' ]{0,30}\\b(?:account|page|group|profile|instagram|insta|facebook|twitter|tiktok|blog)s? for (?:(?:our|my|the|a|all) )?(?:\\w+ )?(?:class|school|year|yr\\d|team|parents|pupils|kids)\\b)",
              "$0 create work-based profile group new social media service"),
          Rewrite.of(
              "\\b" + HANDED_OVER
                      + "(?: \\w+){0,3}? (?:my|our|your|their) (?:own )?(?:personal )?(?:mobile |phone |home |private )?(?:number|no\\.|no\\b|digits)",
              "$0 give out personal details telephone number"),
          Rewrite.of(
              "\\b" + HANDED_OVER + "(?: \\w+){0,3}? (?:my|our) (?:own )?(?:personal )?" + SOCIAL_ACCOUNT + "\\b",
              "$0 give out personal details social networking pages"),
          Rewrite.of("\\b(email|e-mail|send|forward|pass)(ed|ing)?( \\w+){1,3}? (over|on|out)\\b", "$0 distribute"),
          Rewrite.of("\\b(local paper|newspaper|the paper|the press|journalists?|reporters?)\\b", "$0 distribute outside school"),
          Rewrite.of(
              "\\bremember (me|my (password|login|log ?in|details))\\b|\\bsave (my |the )?(password|login|log ?in details)s?\\b|"
                      + "\\b(stay|keep me|keep it) (logged|signed) (in|on)\\b|\\bauto(matic|matically)?[- ]?(log|sign) ?(me )?(in|on)\\b",
              " automated logon "),
          Rewrite.of("\\b(on|during|in|at) (my|a|the|our|their|his|her) break\\b|\\bbreak ?times?\\b", " breaktime "),
          Rewrite.of(
              "\\b(put|puts|putting|stick|get|getting|load|loading)\\b(?=[\\w' -]{1,40}\\b(on|onto) (the|my|our|a|his|her|their)( \\w+)? (pc|pcs|computers?|laptops?|ipads?|tablets?|machines?|whiteboard)\\b)",
              "install"),
          Rewrite.of(
              "\\b(put|puts|putting|pop|popping|stick|sticking|chuck|bung|stuck|popped)\\b(?=[\\w' -]{1,40}\\b(on|onto) (the |my |our |a |his |her |their )?(own |personal |private |school |school's |class )?(" + SOCIAL_ACCOUNT + "|page|story|stories|feed|website|blog)\\b)",
              "post"),
          Rewrite.of(
              "\\b(log|logs|logged|logging|sign|signs|signed|signing) ?(in|on) as (me|him|her|them|someone else|somebody else|another \\w+|a colleague|my \\w+)\\b",
              " use another user's login "),
          Rewrite.of(
              "\\b(?:give|gives|giving|gave|tell|tells|telling|told|lend|lends|lending|lent|pass|passes|passing|passed|hand|hands|handing|handed|send|sending|sent)"
                      + "(?: (?:out|over|on))?(?: (?:him|her|them|someone|somebody|anyone|us|\\w+ \\w+|\\w+))? (?:my|our|your|her|his|their|the) (?:own )?" + CREDENTIAL + "\\b"
                      + "|\\b(?:use|uses|using|borrow|borrows|borrowing|have|log in with|log on with) (?:my|her|his|their|your|a colleague's|someone's|someone else's) (?:own )?" + CREDENTIAL + "\\b"
                      // "my TA keeps asking for my login"
                      + "|\\b(?:asking|asks|asked|ask) (?:me )?for (?:my|our) (?:own )?" + CREDENTIAL + "\\b",
              " disclose password "),
          // "... my password to fix my account, do i give it them?", "her login isnt working - can i
          // let her use mine?": the "it" and the "mine" are the password
          Rewrite.of(
              "\\b(" + CREDENTIAL + "\\b[^?.!]{0,100}?)\\b(?:(?:give|giving|tell|telling|lend|lending|pass|passing|hand|handing|send|sending) (?:it|them)"
                      + "|(?:(?:let|lets|letting) (?:her|him|them|someone|a colleague) )?(?:use|borrow|borrowing|have|share|sharing) mine)\\b",
              "$1 disclose password "),
          Rewrite.of(
              "\\b(stuff|things|sites|websites|web sites|something|content|pages|material|images|pictures)( \\w+){0,2}? (they|he|she|you|i|we|staff|people|someone|nobody|no one|kids|children|pupils) (shouldn'?t|should not|shouldnt|oughtn'?t|are not meant to|aren'?t meant to|ought not)( to)?( have| be)?\\b"
                      + "|\\b(bad|horrible|nasty|wrong|naughty|rude|adult) (websites?|web sites?|sites?|stuff|content|pages?|material|images|pictures|videos?)\\b",
              "$0 inappropriate "),
          Rewrite.of("\\bpop[- ]?(up|ups)\\b", " popup "),
          Rewrite.of(
              "\\b(came|comes|coming) up\\b|\\bclicked (on )?(a |an |the |some )?(\\w+ )?link\\b|\\bended up on\\b",
              "$0 accidentally "),
          Rewrite.of("\\b(year|yr|y) ?(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)s?\\b", " pupils "),
          Rewrite.of(
              "\\b(check|checks|checking|see|sees|track|tracks|tracking|watch|watches|watching|look at|looks at|spy on|spies on|know) what (sites|websites|web sites|pages|i|we|staff|people|you) ",
              " monitor $2 "),
          Rewrite.of(
              "\\b(come|comes|coming) back on (me|us|them|him|her)\\b|\\b(get|gets|getting|be|am|is|are) (the )?(blamed|to blame|the blame)\\b|\\bheld (responsible|accountable)\\b"
                  + "|\\b(not|isn'?t|is not) (my|our|her|his) (problem|fault|responsibility)\\b|\\bon the hook\\b",
              "$0 responsible "),
          Rewrite.of(
              "\\b(council tax|(car|home|house|travel|pet) insurance|online banking|my bank|ebay|amazon|online shopping|(book|booking|booked) (a|my|our) holiday)\\b",
              "$0 personal use "),
          Rewrite.of(
              "\\b(bring|brings|bringing|brought|use|using)\\b[\\w' ]{0,20}\\b" + OWN_KIT + "|" + OWN_KIT + "[^.?!]{0,60}\\b(bring|brings|bringing|brought|use|using)\\b",
              "$0 personal ICT equipment devices "));

  /**
   * {@link #QUESTION_PHRASES} applied to a question, once, before its words are analysed one by
   * one (a char filter in the analyser ran every rewrite again for each word). About 15
   * microseconds; a search does it once for both its keyword query and its embedding.
   */
  static String rewritePhrases(String question) {
    String out = question;
    for (Rewrite r : QUESTION_PHRASES) {
      out = r.apply(out);
    }
    return out;
  }

  private final SynonymMap synonyms;
  private final boolean stem;

  private PolicyAnalyzer(SynonymMap synonyms, boolean stem) {
    this.synonyms = synonyms;
    this.stem = stem;
  }

  /** Analysis for indexing clause text. */
  public static PolicyAnalyzer forIndex() {
    return new PolicyAnalyzer(null, true);
  }

  /** Analysis for questions: the index analysis plus synonyms. */
  public static PolicyAnalyzer forQuery() {
    return new PolicyAnalyzer(loadSynonyms(), true);
  }

  /**
   * The words as written, lowercased and without stopwords, before stemming: synonyms are listed
   * as people write words ("residential", "images"), so they must be looked up before the stemmer
   * turns them into "residenti" and "imag".
   */
  static PolicyAnalyzer forWords() {
    return new PolicyAnalyzer(null, false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream ts = new EnglishPossessiveFilter(source);
    ts = new LowerCaseFilter(ts);
    ts = new StopFilter(ts, STOP_WORDS);
    if (synonyms != null) {
      // a clause need not say "can" or "allowed" to answer "can I ...?" / "am I allowed ...?"
      ts = new StopFilter(ts, QUESTION_FRAMING);
      ts = new SynonymGraphFilter(ts, synonyms, true);
    }
    if (stem) {
      ts = new SetKeywordMarkerFilter(ts, NOT_STEMMED);
      ts = new PorterStemFilter(ts);
    }
    return new TokenStreamComponents(source, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  private static SynonymMap loadSynonyms() {
    // the synonym file is parsed with the same tokenising, minus stemming, so entries match
    // the tokens that reach the synonym filter
    Analyzer parseAnalyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = new LowerCaseFilter(new EnglishPossessiveFilter(source));
            return new TokenStreamComponents(source, ts);
          }
        };
    try (Reader r =
        new InputStreamReader(
            PolicyAnalyzer.class.getResourceAsStream(SYNONYMS), StandardCharsets.UTF_8)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, parseAnalyzer);
      parser.parse(r);
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SYNONYMS, e);
    } catch (ParseException e) {
      throw new IllegalStateException("bad synonym list " + SYNONYMS + ": " + e.getMessage(), e);
    } finally {
      parseAnalyzer.close();
    }
  }

  /** One-way synonym rules ("facebook" to "social networking, social media"), read once. */
  private static final Map<String, List<String>> ONE_WAY = oneWaySynonyms();

  private static Map<String, List<String>> oneWaySynonyms() {
    Map<String, List<String>> rules = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(PolicyAnalyzer.class.getResourceAsStream(SYNONYMS), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.startsWith("#") || !line.contains("=>")) {
          continue;
        }
        String[] sides = line.split("=>", 2);
        List<String> targets = Arrays.stream(sides[1].split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        for (String from : sides[0].split(",")) {
          rules.merge(from.strip().toLowerCase(Locale.ROOT), targets, (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
          });
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SYNONYMS, e);
    }
    return rules;
  }

  /**
   * The question with the one-way synonym targets of its words added after it ("... on my facebook
   * social networking social media"), and the words its phrase rewrites bring in ("can i put a
   * free maths game on the classroom pc install educational"), so the embedding also sees the
   * policies' own wording. The question itself when nothing applies. Adding the rewrites' words
   * (session 11) put the right clause in the top three for one more question on the check and
   * sixth sets and first for one more on check, fresh and sixth, and one fewer in the top three on
   * the seventh ("Y2" read as pupils).
   *
   * <p>The words are added plainly, not in brackets with commas between them as until session 16:
   * the brackets and commas were word pieces of their own that meant nothing to the model, and
   * without them, over the nine blind sets pooled, first place went from 0.806 to 0.815 and
   * answerable questions escalated from 0.123 to 0.100 with as many unanswerable ones answered
   * (fourteenth set 0.750 to 0.775 and 0.175 to 0.150), and the widened form is shorter to embed.
   */
  static String expandForEmbedding(String question) {
    return expandForEmbedding(question, rewritePhrases(question));
  }

  /** {@link #expandForEmbedding(String)} for a question whose phrases are already rewritten. */
  static String expandForEmbedding(String question, String rewritten) {
    String words = " " + rewritten.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    Set<String> extra = new LinkedHashSet<>();
    // the words a phrase rewrite brought in ("install" for "put ... on the class PC")
    String asked = " " + question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    for (String w : words.strip().split(" ")) {
      if (!w.isEmpty() && !asked.contains(" " + w + " ")) {
        extra.add(w);
      }
    }
    ONE_WAY.forEach((from, targets) -> {
      if (words.contains(" " + from + " ")) {
        targets.stream().filter(t -> !words.contains(" " + t + " ")).forEach(extra::add);
      }
    });
    return extra.isEmpty() ? question : question + " " + String.join(" ", extra);
  }
}
