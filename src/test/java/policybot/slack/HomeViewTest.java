package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import policybot.corpus.PolicyMeta;
import policybot.corpus.School;

class HomeViewTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void should_list_a_big_trusts_policies_within_slacks_limits_and_link_the_rest() throws Exception {
    List<PolicyMeta> policies = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      policies.add(new PolicyMeta("policy-" + i, "p" + i + ".md", "Policy number " + i + " on <things> & stuff", Optional.empty(), Optional.empty(),
          Optional.of(i % 2 == 0 ? TODAY.minusDays(1) : TODAY.plusDays(1))));
    }
    School school = new School("big-trust", "Big Trust", new School.Contacts("Head", "DSL", ""), policies);
    List<HomeView.Recent> recent = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      recent.add(new HomeView.Recent("question " + i + " <!here>", "Answered: Yes", Instant.parse("2026-11-20T10:00:00Z")));
    }

    JsonNode view = json(HomeView.render(new HomeView.Home(Optional.of(school), List.of(), "https://pb.test", TODAY, recent, false)));

    assertThat(view.get("type").asText()).isEqualTo("home");
    assertThat(view.get("blocks").size()).isLessThanOrEqualTo(HomeView.MAX_HOME_BLOCKS);
    List<String> texts = SlackHttpTest.texts(view.get("blocks"));
    assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT));
    String all = String.join("\n", texts);
    assertThat(all).contains("<https://pb.test/policies/big-trust/policy-0|Policy number 0 on &lt;things&gt; &amp; stuff> :warning: _past its review date_");
    assertThat(all).containsPattern("\\d+ more on <https://pb.test/policies/big-trust\\|the school's policy page>");
    assertThat(all).contains("question 9 &lt;!here&gt;").doesNotContain("question 10 ");
  }

  @Test
  void should_ask_for_the_school_when_it_is_not_known_yet() throws Exception {
    School a = new School("glais", "Glais", new School.Contacts("", "", ""), List.of());
    School b = new School("moorthorpe", "Moorthorpe", new School.Contacts("", "", ""), List.of());

    JsonNode view = json(HomeView.render(new HomeView.Home(Optional.empty(), List.of(a, b), "https://pb.test", TODAY, List.of(), false)));

    assertThat(view.findValuesAsText("action_id")).containsExactly("policy_choose_school_glais", "policy_choose_school_moorthorpe");
    assertThat(view.findValuesAsText("value")).containsExactly(":glais", ":moorthorpe");
  }

  static JsonNode json(Object view) throws Exception {
    return new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(view));
  }
}
