package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.corpus.Clause;
import policybot.corpus.Corpus;
import policybot.corpus.CorpusLoader;
import policybot.corpus.PolicyDocument;

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
    // texts of one length finish together, so progress may skip numbers but never goes back
    assertThat(progress).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates().endsWith(TEXTS.size());
  }

  @Test
  void should_embed_exactly_as_langchain4j_runs_the_same_model() {
    // one ONNX thread per run is a speed setting only: the vectors must not move by a bit
    var stock = new AllMiniLmL6V2QuantizedEmbeddingModel();

    List<float[]> ours = embedder.embedAll(TEXTS, done -> {});

    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(ours.get(i)).containsExactly(stock.embed(TEXTS.get(i)).content().vector());
    }
  }

  @Test
  void should_embed_texts_of_one_length_each_exactly_as_langchain4j_embeds_it_alone() {
    // digits are one word piece each, so these rules are one length: the quantized model scales
    // a run by its largest activation, so had they shared a run their vectors would differ; the
    // odd ones exercise the tokenizer's edges (accents, apostrophes, hashes, symbols it does not
    // know, a text past its 128-piece limit)
    List<String> texts = new ArrayList<>();
    for (int n = 1; n <= 9; n++) {
      texts.add("Rule " + n + ": staff keep year " + n + " pupils' photographs on the school network only.");
    }
    texts.addAll(
        List.of(
            "Pupils mustn't use café Wi-Fi; naïve passwords like ##1234 are banned ☃.",
            "C## and F# are not programming languages we teach.",
            "Staff must not share login details. ".repeat(20)));
    var stock = new AllMiniLmL6V2QuantizedEmbeddingModel();

    List<float[]> ours = embedder.embedAll(texts, done -> {});

    for (int i = 0; i < texts.size(); i++) {
      assertThat(ours.get(i)).as(texts.get(i)).containsExactly(stock.embed(texts.get(i)).content().vector());
    }
  }

  @Test
  void should_embed_every_text_of_the_seed_corpus_exactly_as_langchain4j_does() {
    List<String> texts = seedTexts();
    var stock = new AllMiniLmL6V2QuantizedEmbeddingModel();

    List<float[]> ours = embedder.embedAll(texts, done -> {});

    for (int i = 0; i < texts.size(); i++) {
      assertThat(ours.get(i)).as(texts.get(i)).containsExactly(stock.embed(texts.get(i)).content().vector());
    }
  }

  /** The distinct texts a build of the seed corpus embeds: each clause with its heading and bare. */
  private static List<String> seedTexts() {
    try {
      Corpus corpus = new CorpusLoader().load(TestEngine.CORPUS);
      Set<String> texts = new LinkedHashSet<>();
      for (String school : corpus.schools().keySet()) {
        for (PolicyDocument d : corpus.documents(school)) {
          for (Clause c : IndexBuilder.searchable(d)) {
            texts.add(IndexBuilder.embeddingText(c));
            texts.add(c.text());
          }
        }
      }
      return List.copyOf(texts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
  void should_embed_a_question_and_its_widened_form_side_by_side_as_each_alone() {
    String asked = "can i put pics from the concert on my facebook";
    String widened = asked + " photographs images social networking";
    Embedder own = new Embedder();
    Embedder alone = new Embedder();

    List<float[]> pair = own.embedQueries(List.of(asked, widened));

    // each runs on its own, unpadded, so it gets exactly the vector it gets alone
    assertThat(pair.get(0)).containsExactly(alone.embedQuery(asked));
    assertThat(pair.get(1)).containsExactly(alone.embedQuery(widened));
    // the pair is cached: asked again, neither is embedded afresh
    assertThat(own.embedQuery(asked)).isSameAs(pair.get(0));
    assertThat(own.embedQueries(List.of(asked, widened)).get(1)).isSameAs(pair.get(1));
  }

  @Test
  void should_start_one_background_warm_up_per_embedder_however_often_asked() {
    // a command warms up while its build finds files to embed: one loading thread, not one per file
    Embedder own = new Embedder();

    var first = own.warmUpInBackground();

    assertThat(own.warmUpInBackground()).isSameAs(first);
    assertThat(first.join()).isNull();
  }

  @Test
  void should_give_vectors_of_unit_length_so_that_a_dot_product_is_their_cosine() {
    for (float[] v : embedder.embedAll(List.of("can I use my phone on a trip?", "Staff must not post pictures of school events without the Headteacher's consent."), done -> {})) {
      assertThat(VectorUtil.dotProduct(v, v)).isCloseTo(1f, within(1e-5f));
    }
    assertThat(VectorUtil.dotProduct(embedder.embedQuery("a question"), embedder.embedQuery("a question"))).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void should_embed_nothing_for_an_empty_list() {
    List<Integer> progress = new ArrayList<>();

    assertThat(embedder.embedAll(List.of(), progress::add)).isEmpty();
    assertThat(progress).isEmpty();
  }
}
