package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  void should_escape_the_three_characters_slack_reads_as_markup() {
    assertThat(SlackText.escape("<!channel> & <@U123> <https://evil|click>"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;");
  }

  @Test
  void should_keep_a_link_label_from_closing_the_link_or_adding_markup() {
    assertThat(SlackText.link("http://x/p#a", "Title > <!here> & more"))
        .isEqualTo("<http://x/p#a|Title &gt; &lt;!here&gt; &amp; more>");
    assertThat(SlackText.link("http://x/a b|c>d", "t")).isEqualTo("<http://x/a%20b%7Cc%3Ed|t>");
  }

  @Test
  void should_turn_event_markup_back_into_plain_words_without_the_bots_mention() {
    String event = "<@UBOT> can I ask <@U123|sam> or <@U999> in <#C1|staffroom> about <https://x.example|this> &amp; <https://y.example> <!here> &lt;b&gt;?";

    assertThat(SlackText.fromEvent(event, "UBOT"))
        .isEqualTo("can I ask sam or a colleague in #staffroom about this & https://y.example @here <b>?");
  }

  @Test
  void should_cut_at_the_last_sentence_that_fits() {
    String text = "First sentence here. Second one is longer. Third.";

    assertThat(SlackText.cutAtSentence(text, 45)).isEqualTo("First sentence here. Second one is longer.");
    assertThat(SlackText.cutAtSentence(text, 25)).isEqualTo("First sentence here.");
    assertThat(SlackText.cutAtSentence(text, 100)).isEqualTo(text);
  }

  @Test
  void should_cut_one_endless_sentence_between_words() {
    assertThat(SlackText.cutAtSentence("aaa bbb ccc ddd", 9)).isEqualTo("aaa bbb");
  }

  @Test
  void should_find_where_a_sentence_starts() {
    String text = "One. Two words here. Three.";

    assertThat(SlackText.sentenceStart(text, text.indexOf("words"))).isEqualTo(text.indexOf("Two"));
    assertThat(SlackText.sentenceStart(text, 1)).isZero();
  }
}
