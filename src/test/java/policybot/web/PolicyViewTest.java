package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.corpus.Clause;
import policybot.corpus.Corpus;
import policybot.corpus.CorpusLoader;
import policybot.corpus.PolicyDocument;
import policybot.web.PolicyView.Block;
import policybot.web.PolicyView.ClauseView;

/** How the real corpus's clauses are laid out again as a page. */
class PolicyViewTest {
  private static Corpus corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = new CorpusLoader().load(TestEngine.CORPUS);
  }

  @Test
  void should_place_every_clause_once_in_document_order() {
    for (PolicyDocument doc : documents()) {
      List<String> placed = clauses(PolicyView.blocks(doc)).stream().map(ClauseView::id).toList();

      assertThat(placed).as(doc.id()).containsExactlyElementsOf(doc.clauses().stream().map(Clause::id).toList());
    }
  }

  @Test
  void should_put_a_heading_wherever_the_heading_path_changes() {
    PolicyDocument glais = corpus.document("glais", "social-media-mobile-phones-and-photography").orElseThrow();

    List<Block> blocks = PolicyView.blocks(glais);

    List<String> headings =
        blocks.stream().map(Block::heading).filter(Objects::nonNull).map(h -> h.level() + " " + h.text()).toList();
    assertThat(headings)
        .containsSubsequence(
            "2 B. Use of social networking by staff in a personal capacity.",
            "3 Guidelines issued to staff",
            "2 C. Comments posted by parents/carers.");
    assertThat(headings).doesNotHaveDuplicates();
  }

  @Test
  void should_group_numbered_items_into_one_list() {
    PolicyDocument glais = corpus.document("glais", "social-media-mobile-phones-and-photography").orElseThrow();

    PolicyView.ListBlock guidelines =
        PolicyView.blocks(glais).stream()
            .map(Block::list)
            .filter(Objects::nonNull)
            .filter(l -> l.items().get(0).id().equals("there-is-an-acknowledgment-that-school-d9afab"))
            .findFirst()
            .orElseThrow();

    assertThat(guidelines.numbered()).isTrue();
    assertThat(guidelines.items()).extracting(ClauseView::number).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
  }

  @Test
  void should_not_turn_a_clause_label_into_a_heading() {
    Clause labelled =
        corpus.document("moorthorpe", "acceptable-use-of-technology").orElseThrow().clauses().stream()
            .filter(c -> c.text().startsWith("ICT in its many forms"))
            .findFirst()
            .orElseThrow();

    assertThat(labelled.headings()).endsWith("ICT in its many forms");
    assertThat(PolicyView.displayPath(labelled)).containsExactly("Introduction");
  }

  private static List<PolicyDocument> documents() {
    return corpus.documents().values().stream().flatMap(List::stream).toList();
  }

  private static List<ClauseView> clauses(List<Block> blocks) {
    List<ClauseView> out = new ArrayList<>();
    for (Block b : blocks) {
      Stream.ofNullable(b.paragraph()).forEach(out::add);
      if (b.list() != null) {
        out.addAll(b.list().items());
      }
    }
    return out;
  }
}
