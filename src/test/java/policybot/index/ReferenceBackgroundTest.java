package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;

class ReferenceBackgroundTest {
  @Test
  void should_ship_the_mean_clause_vector_of_the_sample_policies() {
    // fails after a change to the model, the splitter or the embedded text: run ReferenceCentroid
    float[] shipped = ReferenceBackground.centroid();
    float[] now = TestEngine.index().meanClauseVector();

    assertThat(VectorUtil.cosine(shipped, now)).as("regenerate reference-centroid.txt with ReferenceCentroid").isGreaterThan(0.999f);
  }

  @Test
  void should_score_a_policy_like_question_above_an_unrelated_one() {
    Embedder e = TestEngine.index().embedder();
    double policyLike = ReferenceBackground.of(e.embedQuery("can staff use their personal mobile phones to take photos of pupils?"));
    double unrelated = ReferenceBackground.of(e.embedQuery("what is the recipe for a victoria sponge cake?"));

    assertThat(policyLike).isGreaterThan(unrelated + 0.1);
  }
}
