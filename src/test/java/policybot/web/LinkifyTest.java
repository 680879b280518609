package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.web.Linkify.Segment;

class LinkifyTest {
  @Test
  void should_link_an_address_and_leave_the_sentence_around_it() {
    List<Segment> s = Linkify.segments("See http://www.learn-ict.org.uk/intsafty/index.asp. Then ask.");

    assertThat(s)
        .containsExactly(
            new Segment("See ", null),
            new Segment("http://www.learn-ict.org.uk/intsafty/index.asp", "http://www.learn-ict.org.uk/intsafty/index.asp"),
            new Segment(". Then ask.", null));
  }

  @Test
  void should_keep_a_closing_bracket_outside_the_address() {
    List<Segment> s = Linkify.segments("(For advice see the guidance. (http://www.learn-ict.org.uk/intsafty/index.asp)");

    assertThat(s.get(1).href()).isEqualTo("http://www.learn-ict.org.uk/intsafty/index.asp");
    assertThat(s.get(2).text()).isEqualTo(")");
  }

  @Test
  void should_keep_brackets_that_belong_to_the_address() {
    List<Segment> s = Linkify.segments("https://en.wikipedia.org/wiki/Safeguarding_(UK) says so");

    assertThat(s.get(0).href()).isEqualTo("https://en.wikipedia.org/wiki/Safeguarding_(UK)");
  }

  @Test
  void should_give_www_addresses_a_scheme() {
    assertThat(Linkify.segments("www.gov.uk/keeping-children-safe").get(0).href())
        .isEqualTo("http://www.gov.uk/keeping-children-safe");
  }

  @Test
  void should_never_link_anything_but_http() {
    List<Segment> s = Linkify.segments("javascript:alert(1) and data:text/html,<b>x</b> and mailto:head@school.example");

    assertThat(s).allMatch(seg -> !seg.link());
    assertThat(String.join("", s.stream().map(Segment::text).toList()))
        .isEqualTo("javascript:alert(1) and data:text/html,<b>x</b> and mailto:head@school.example");
  }

  @Test
  void should_leave_text_without_addresses_whole() {
    assertThat(Linkify.segments("Staff must not post pictures.")).containsExactly(new Segment("Staff must not post pictures.", null));
  }
}
