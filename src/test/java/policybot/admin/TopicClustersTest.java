package policybot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;

/** Topic grouping on real all-MiniLM-L6-v2 embeddings. */
class TopicClustersTest {

  private final TopicClusters clusters = new TopicClusters(TestEngine.embedder()::embedQuery);

  @Test
  void should_group_three_phrasings_of_one_topic_and_keep_an_unrelated_question_apart() {
    List<TopicClusters.Topic> topics =
        clusters.group(
            List.of(
                "can I use my phone on a school trip",
                "how do I claim mileage for driving to a training course",
                "am I allowed my mobile on an educational visit",
                "phones on residential trips - allowed for staff?"));

    assertThat(topics).hasSize(2);
    assertThat(topics.get(0).questions())
        .containsExactly(
            "can I use my phone on a school trip",
            "am I allowed my mobile on an educational visit",
            "phones on residential trips - allowed for staff?");
    assertThat(topics.get(1).questions()).containsExactly("how do I claim mileage for driving to a training course");
  }

  @Test
  void should_put_the_largest_groups_first_and_skip_blank_questions() {
    List<TopicClusters.Topic> topics =
        clusters.group(
            List.of(
                "can I give a pupil a lift home in my car",
                "",
                "is it ok to accept a friend request from a parent on facebook",
                "a parent added me on instagram, can I accept"));

    assertThat(topics).extracting(TopicClusters.Topic::size).containsExactly(2, 1);
    assertThat(topics.get(0).questions()).allMatch(q -> q.contains("parent"));
  }
}
