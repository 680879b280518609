package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static policybot.escalation.Fixtures.DEPUTY;
import static policybot.escalation.Fixtures.HEAD;
import static policybot.escalation.Fixtures.SCHOOL;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

class RulingsTest {

  @RegisterExtension static final TestStores stores = new TestStores();

  private final TestClock clock = TestClock.at("2026-01-13T10:00:00Z");

  private static final PolicyVersion PHONES = new PolicyVersion("mobile-phones", "hash-phones-1");
  private static final PolicyVersion TRIPS = new PolicyVersion("educational-visits", "hash-trips-1");

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_publish_a_ruling_with_the_policy_versions_it_rests_on(Db db) {
    Rulings rulings = new Rulings(stores.open(db), clock);

    Ruling ruling =
        rulings.publish(SCHOOL, "Can I phone a parent from a trip?", "Yes, from the school phone.", HEAD, List.of(PHONES, TRIPS), Optional.empty());

    assertThat(rulings.find(ruling.id())).contains(ruling);
    assertThat(ruling.status()).isEqualTo(RulingStatus.CURRENT);
    assertThat(ruling.decidedOn()).isEqualTo(LocalDate.of(2026, 1, 13));
    assertThat(ruling.restsOn()).containsExactlyInAnyOrder(PHONES, TRIPS);
    assertThat(rulings.inStatus(SCHOOL, RulingStatus.CURRENT)).containsExactly(ruling);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_edit_and_withdraw_a_ruling_and_not_edit_it_once_withdrawn(Db db) {
    Rulings rulings = new Rulings(stores.open(db), clock);
    Ruling ruling = rulings.publish(SCHOOL, "Jeans?", "No.", HEAD, List.of(PHONES), Optional.empty());
    clock.advance(Duration.ofDays(3));

    Ruling edited = rulings.edit(ruling.id(), "Can staff wear jeans?", "Only on non-uniform days.", DEPUTY).orElseThrow();
    Ruling withdrawn = rulings.withdraw(ruling.id(), HEAD).orElseThrow();

    assertThat(edited.answer()).isEqualTo("Only on non-uniform days.");
    assertThat(edited.reviewer()).isEqualTo(DEPUTY);
    assertThat(edited.decidedOn()).isEqualTo(LocalDate.of(2026, 1, 16));
    assertThat(withdrawn.status()).isEqualTo(RulingStatus.WITHDRAWN);
    assertThat(rulings.edit(ruling.id(), "Jeans?", "Yes.", DEPUTY)).isEmpty();
    assertThat(rulings.inStatus(SCHOOL, RulingStatus.CURRENT)).isEmpty();
    assertThat(rulings.withdraw("no-such-ruling", HEAD)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_flag_rulings_whose_policies_changed_or_went_for_reapproval(Db db) {
    Rulings rulings = new Rulings(stores.open(db), clock);
    Ruling onPhones = rulings.publish(SCHOOL, "Phone on trips?", "Yes.", HEAD, List.of(PHONES), Optional.empty());
    Ruling onTrips = rulings.publish(SCHOOL, "Trip ratios?", "1 to 10.", HEAD, List.of(TRIPS), Optional.empty());
    Ruling otherSchool = rulings.publish("riverside", "Phones?", "No.", HEAD, List.of(PHONES), Optional.empty());

    List<Ruling> flagged =
        rulings.flagChanged(
            Map.of(SCHOOL + "/mobile-phones", "hash-phones-2", SCHOOL + "/educational-visits", "hash-trips-1"));

    assertThat(flagged).extracting(Ruling::id).containsExactly(onPhones.id());
    assertThat(rulings.find(onPhones.id()).orElseThrow().status()).isEqualTo(RulingStatus.NEEDS_REAPPROVAL);
    assertThat(rulings.find(onTrips.id()).orElseThrow().status()).isEqualTo(RulingStatus.CURRENT);
    assertThat(rulings.find(otherSchool.id()).orElseThrow().status())
        .as("a school missing from the map is left alone")
        .isEqualTo(RulingStatus.CURRENT);
    assertThat(rulings.flagChanged(Map.of(SCHOOL + "/mobile-phones", "hash-phones-2"))).as("a removed policy")
        .extracting(Ruling::id)
        .containsExactly(onTrips.id());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_put_a_reapproved_ruling_back_in_force_on_the_new_versions(Db db) {
    Rulings rulings = new Rulings(stores.open(db), clock);
    Ruling ruling = rulings.publish(SCHOOL, "Phone on trips?", "Yes.", HEAD, List.of(PHONES), Optional.empty());
    rulings.flagChanged(Map.of(SCHOOL + "/mobile-phones", "hash-phones-2"));
    PolicyVersion phonesNow = new PolicyVersion("mobile-phones", "hash-phones-2");

    Ruling reapproved = rulings.reapprove(ruling.id(), DEPUTY, List.of(phonesNow)).orElseThrow();

    assertThat(reapproved.status()).isEqualTo(RulingStatus.CURRENT);
    assertThat(reapproved.restsOn()).containsExactly(phonesNow);
    assertThat(rulings.flagChanged(Map.of(SCHOOL + "/mobile-phones", "hash-phones-2"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_keep_the_reviewer_name_for_the_same_reviewer_and_drop_it_when_someone_else_acts(Db db) {
    Rulings rulings = new Rulings(stores.open(db), clock);
    Ruling ruling =
        rulings.publish(SCHOOL, "Jeans?", "No.", HEAD, Optional.of(" Mrs Khan "), List.of(PHONES), Optional.empty());
    assertThat(ruling.reviewerName()).contains("Mrs Khan");
    assertThat(ruling.reviewerShown()).isEqualTo("Mrs Khan");

    rulings.flagChanged(Map.of(SCHOOL + "/mobile-phones", "hash-phones-2"));
    Ruling reapproved = rulings.reapprove(ruling.id(), HEAD, List.of(new PolicyVersion("mobile-phones", "hash-phones-2"))).orElseThrow();
    Ruling edited = rulings.edit(ruling.id(), "Jeans?", "Only on non-uniform days.", DEPUTY).orElseThrow();

    assertThat(reapproved.reviewerShown()).isEqualTo("Mrs Khan");
    assertThat(edited.reviewerName()).isEmpty();
    assertThat(edited.reviewerShown()).as("no name known: the user id").isEqualTo(DEPUTY);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void should_move_the_revision_on_every_change_even_within_one_millisecond(Db db) {
    Rulings rulings = new Rulings(stores.open(db), clock);
    List<Rulings.Revision> seen = new java.util.ArrayList<>();
    seen.add(rulings.revision(SCHOOL));
    Ruling ruling = rulings.publish(SCHOOL, "Jeans?", "No.", HEAD, List.of(PHONES), Optional.empty());
    seen.add(rulings.revision(SCHOOL));
    rulings.edit(ruling.id(), "Jeans?", "Yes.", HEAD);
    seen.add(rulings.revision(SCHOOL));
    rulings.flagChanged(Map.of(SCHOOL + "/mobile-phones", "hash-phones-2"));
    seen.add(rulings.revision(SCHOOL));
    rulings.reapprove(ruling.id(), HEAD, List.of(PHONES));
    seen.add(rulings.revision(SCHOOL));
    rulings.withdraw(ruling.id(), HEAD);
    seen.add(rulings.revision(SCHOOL));
    rulings.publish("riverside", "Phones?", "No.", HEAD, List.of(PHONES), Optional.empty());

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(rulings.revision(SCHOOL)).as("another school's ruling").isEqualTo(seen.get(seen.size() - 1));
  }
}
