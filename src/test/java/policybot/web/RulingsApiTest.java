package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import policybot.TestEngine;
import policybot.index.LiveIndex;
import policybot.escalation.PolicyVersion;
import policybot.escalation.RulingFinder;
import policybot.escalation.Rulings;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

/** {@code POST /api/ask} on the real server shows the rulings an answer cites in "rulings". */
class RulingsApiTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private WebServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void should_show_a_cited_ruling_with_reviewer_and_date_and_none_for_other_questions() throws Exception {
    LiveIndex index = WebFixture.sharedIndex();
    Rulings rulings = new Rulings(stores.open(Db.SQLITE), TestClock.at("2026-01-13T10:00:00Z"));
    List<PolicyVersion> restsOn =
        index.policyHashes("moorthorpe").entrySet().stream().map(e -> new PolicyVersion(e.getKey(), e.getValue())).toList();
    rulings.publish(
        "moorthorpe",
        "can i leave my school laptop in the car overnight",
        "No. Take it indoors with you.",
        "U0HEAD",
        Optional.of("Mrs Khan"),
        restsOn,
        Optional.empty());
    server =
        WebServer.start(
            WebFixture.config(index.corpus(), WebFixture.GENEROUS_RATE_LIMIT),
            index,
            TestEngine.CLOCK,
            List.of(),
            Optional.empty(),
            new RulingFinder(rulings));
    WebFixture.Http http = new WebFixture.Http(server);

    JsonNode answer = http.answer("moorthorpe", "is it ok to keep the school laptop in my car overnight?");
    JsonNode other = http.answer("moorthorpe", "can I take photos of my class on my phone");

    assertThat(answer.get("outcome").asText()).isEqualTo("grounded");
    assertThat(answer.get("verdict").asText()).isEqualTo("no");
    assertThat(answer.get("escalate").asBoolean()).isFalse();
    assertThat(answer.get("clauses")).isNotEmpty();
    assertThat(answer.get("rulings")).hasSize(1);
    JsonNode ruling = answer.get("rulings").get(0);
    assertThat(ruling.get("text").asText()).isEqualTo("No. Take it indoors with you.");
    assertThat(ruling.get("question").asText()).isEqualTo("can i leave my school laptop in the car overnight");
    assertThat(ruling.get("reviewer").asText()).isEqualTo("Mrs Khan");
    assertThat(ruling.get("date").asText()).isEqualTo("2026-01-13");
    assertThat(other.get("rulings").isArray()).isTrue();
    assertThat(other.get("rulings")).isEmpty();
  }
}
