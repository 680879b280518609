package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.index.Hit;
import policybot.index.SearchMode;

class ConfidenceTest {
  private static List<Hit> search(String school, String question) {
    return TestEngine.index().search(school, question, SearchMode.HYBRID, AnswerService.MAX_CITATIONS);
  }

  @Test
  void should_measure_no_coverage_when_the_top_clause_lacks_every_rare_question_word() {
    // Glais's policies never mention CCTV or smartwatches, nor any synonym of them
    List<Hit> hits = search("glais", "cctv smartwatch");

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).coverage()).isZero();
  }

  @Test
  void should_give_a_rare_word_found_only_through_a_commoner_synonym_partial_coverage() {
    // "netflix" is in no policy; the synonym list maps it to "personal use, internet", which many
    // clauses say: the clause found shares the topic but never names the thing asked about
    List<Hit> hits = search("moorthorpe", "netflix");

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).coverage()).isPositive().isLessThan(1.0);
  }

  @Test
  void should_measure_full_coverage_when_the_top_clause_uses_the_question_words() {
    List<Hit> hits = search("glais", "staff mobile phones must not be used to take pictures of children");

    assertThat(hits.get(0).coverage()).isEqualTo(1.0);
    assertThat(hits.get(0).bm25Score()).isPositive();
  }

  @Test
  void should_escalate_a_question_the_policies_do_not_cover_and_answer_one_they_do() {
    // "how long do we keep cctv footage" now clears the score; the engine escalates it because no
    // clause gives a time (AnswerTypeTest), which is why the threshold could come down
    Confidence uncovered = Confidence.assess(search("glais", "can I park in the staff car park at the weekend"), Confidence.DEFAULT);
    Confidence covered = Confidence.assess(search("glais", "can I use my phone to take photos of the children?"), Confidence.DEFAULT);

    assertThat(uncovered.escalate()).isPresent();
    assertThat(covered.escalate()).isEmpty();
    assertThat(covered.score()).isGreaterThan(uncovered.score());
  }

  @Test
  void should_answer_a_lower_score_when_keywords_and_meaning_agree_on_the_top_clause() {
    // chatty wording keeps the score under the threshold, but both searches put the rule on the
    // approved email system first
    List<Hit> hits = search(
        "moorthorpe", "outlook was playing up so I sent the SENCo a kid's provision map from my hotmail instead. is that alright to do going forward?");
    double score = Confidence.score(hits, Confidence.DEFAULT);

    assertThat(hits.get(0).clause().text()).contains("will only use the approved email system for school business");
    assertThat(Confidence.bothSearchesAgree(hits)).isTrue();
    assertThat(score).isBetween(Confidence.ANSWER_SCORE - Confidence.AGREEMENT_ALLOWANCE, Confidence.ANSWER_SCORE);
    assertThat(Confidence.assess(hits, Confidence.DEFAULT).escalate()).isEmpty();
  }

  @Test
  void should_answer_a_lower_score_when_the_question_asks_whom_to_tell_and_the_top_clause_says() {
    String q = "kids in my group clicked a link on the class pc and something really inappropriate came up. who do I report that to?";
    List<Hit> hits = search("moorthorpe", q);
    double score = Confidence.score(hits, Confidence.DEFAULT);
    boolean whom = AnswerType.asksWhomToTell(q) && AnswerType.namesWhomToTell(hits.get(0).clause().text());

    assertThat(whom).isTrue();
    assertThat(score).isBetween(Confidence.ANSWER_SCORE - Confidence.AGREEMENT_ALLOWANCE, Confidence.ANSWER_SCORE);
    assertThat(Confidence.assess(hits, Confidence.DEFAULT, false).escalate()).isPresent();
    assertThat(Confidence.assess(hits, Confidence.DEFAULT, true).escalate()).isEmpty();
  }

  @Test
  void should_escalate_when_no_cited_clause_shares_a_word_with_the_question() {
    List<Hit> hits = search("educating-for-life", "when's pay day this month, is it still the 28th??");

    assertThat(hits).allMatch(h -> h.bm25Score() == 0 && h.coverage() == 0);
    assertThat(Confidence.assess(hits, Confidence.DEFAULT, true).escalate()).contains(EscalationReason.NO_CLAUSE_COVERS_IT);
  }

  @Test
  void should_count_a_message_of_twenty_words_or_more_as_long() {
    assertThat(Confidence.isLong("can I use my phone on a trip?")).isFalse();
    assertThat(Confidence.isLong(
        "ugh my car insurance runs out at midnight and i forgot to renew it. the kids are doing quiet reading, am i ok to sort it on the class laptop?"))
        .isTrue();
  }

  @Test
  void should_weigh_coverage_and_keyword_score_on_top_of_the_cosine() {
    List<Hit> hits = search("glais", "can I use my phone to take photos of the children?");
    double cosineOnly = Confidence.score(hits, new Confidence.Weights(0, 0, 0));

    double weighted = Confidence.score(hits, Confidence.DEFAULT);

    Hit top = hits.get(0);
    assertThat(weighted)
        .isCloseTo(
            cosineOnly + Confidence.COVERAGE_WEIGHT * top.coverage() + Confidence.BM25_WEIGHT * Math.min(top.bm25Score(), Confidence.BM25_CAP),
            org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void should_measure_the_best_clause_against_the_question_s_background_closeness_to_the_school() {
    List<Hit> hits = search("moorthorpe", "can i take pics of my class on my own phone?");
    double background = hits.get(0).background();

    assertThat(hits).allSatisfy(h -> assertThat(h.background()).isEqualTo(background));
    assertThat(background).isBetween(-1.0, hits.get(0).cosine());
    // each clause's lift is the better of the question as asked and as widened, so never below the asked one
    assertThat(hits).allSatisfy(h -> assertThat(h.lift()).isGreaterThanOrEqualTo(h.cosine() - background - 1e-9));
    assertThat(Confidence.lift(hits)).isEqualTo(hits.stream().mapToDouble(Hit::lift).max().orElseThrow());
    // sounds like the policy (phones, school, allowed) but asks about pupils, which a staff code
    // does not cover: close to many clauses, standing out from none
    List<Hit> pupils = search("moorthorpe", "are the kids allowed to bring their phones into school?");
    assertThat(Confidence.lift(pupils)).isLessThan(Confidence.lift(hits));
  }

  @Test
  void should_let_the_question_widened_with_the_policies_words_lift_a_clause_it_is_closer_to() {
    // "username" and "tiktok" are the policy's "social networking pages" only once widened
    List<Hit> hits = search("eyrescroft", "a Y6 asked if she can follow me on tiktok. can I give her my username");
    Hit details = hits.stream().filter(h -> h.clause().text().contains("personal details")).findFirst().orElseThrow();

    assertThat(details.lift()).isGreaterThan(details.cosine() - details.background() + 0.02);
  }
}
