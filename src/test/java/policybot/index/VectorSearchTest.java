package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;

class VectorSearchTest {
  @Test
  void should_add_the_policies_wording_for_a_word_the_synonym_list_maps() {
    String expanded = PolicyAnalyzer.expandForEmbedding("can i put pics from the concert on my facebook");
    assertThat(expanded).startsWith("can i put pics from the concert on my facebook ").contains("social networking", "event").doesNotContain("(", ",");
  }

  @Test
  void should_leave_a_question_alone_when_no_rule_applies_or_it_already_uses_the_wording() {
    assertThat(PolicyAnalyzer.expandForEmbedding("where is the staff room")).isEqualTo("where is the staff room");
    String question = "is social networking on facebook ok";
    assertThat(PolicyAnalyzer.expandForEmbedding(question).substring(question.length()))
        .doesNotContain("social networking")
        .contains("social media");
  }

  @Test
  void should_report_the_cosine_of_the_question_as_asked_not_of_its_expansion() {
    String question = "can i scroll facebook during lessons if the kids are busy working";
    Embedder embedder = TestEngine.embedder();
    float[] asked = embedder.embedQuery(question);
    List<Hit> hits = TestEngine.index().search("glais", question, SearchMode.VECTOR, 5);
    assertThat(hits).isNotEmpty();
    for (Hit h : hits) {
      double withHeading = VectorUtil.cosine(asked, embedder.embedQuery(IndexBuilder.embeddingText(h.clause())));
      double bare = VectorUtil.cosine(asked, embedder.embedQuery(h.clause().text()));
      assertThat(h.cosine()).isCloseTo(Math.max(withHeading, bare), within(0.02));
    }
  }

  @Test
  void should_rank_a_school_by_scanning_its_vectors_as_hnsw_search_ranks_it() throws Exception {
    // a school of over a thousand clauses is searched through HNSW instead of scanned
    for (String school : List.of("glais", "moorthorpe", "eyrescroft")) {
      for (String question : List.of("can i take photos of my class on my phone", "who do i report a colleague to", "can i use a usb stick")) {
        List<Map<String, Integer>> both = TestEngine.index().vectorRanksBothWays(school, question);

        assertThat(both.get(0)).isNotEmpty();
        assertThat(List.copyOf(both.get(0).keySet()).subList(0, 10)).as(school + ": " + question)
            .isEqualTo(List.copyOf(both.get(1).keySet()).subList(0, 10));
      }
    }
  }
}
