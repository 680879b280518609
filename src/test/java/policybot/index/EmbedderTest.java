package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;

class EmbedderTest {
  private static final List<String> TEXTS =
      List.of(
          "Chain letters",
          "Mobile phones: Staff must not use personal mobile phones to take photographs of pupils.",
          "Staff should not accept friend requests from parents or pupils on social networking sites,"
              + " and should keep their privacy settings at the highest level.",
          "CCTV",
          "Passwords - Staff should never share their passwords with pupils or other adults in school.");

  private final Embedder embedder = TestEngine.embedder();

  @Test
  void should_give_each_text_of_a_list_the_vector_it_gets_alone_in_the_order_given() {
    List<Integer> progress = new ArrayList<>();

    List<float[]> all = embedder.embedAll(TEXTS, progress::add);

    assertThat(all).hasSize(TEXTS.size());
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(all.get(i)).hasSize(Embedder.DIMENSIONS).containsExactly(embedder.embedQuery(TEXTS.get(i)));
    }
    assertThat(progress).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void should_embed_exactly_as_langchain4j_runs_the_same_model() {
    // one ONNX thread per run is a speed setting only: the vectors must not move by a bit
    var stock = new AllMiniLmL6V2EmbeddingModel();

    List<float[]> ours = embedder.embedAll(TEXTS, done -> {});

    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(ours.get(i)).containsExactly(stock.embed(TEXTS.get(i)).content().vector());
    }
  }

  @Test
  void should_embed_a_question_again_only_after_its_vector_is_forgotten() {
    Embedder own = new Embedder(); // its own cache; the model is shared by every embedder
    String question = "may I lend a pupil my phone charger";
    float[] first = own.embedQuery(question);

    assertThat(own.embedQuery(question)).isSameAs(first);
    own.forgetQueries();
    float[] again = own.embedQuery(question);

    assertThat(again).isNotSameAs(first).containsExactly(first);
  }

  @Test
  void should_embed_nothing_for_an_empty_list() {
    List<Integer> progress = new ArrayList<>();

    assertThat(embedder.embedAll(List.of(), progress::add)).isEmpty();
    assertThat(progress).isEmpty();
  }
}
