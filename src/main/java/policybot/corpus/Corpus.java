package policybot.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every school's parsed policies, plus the files that could not be read.
 *
 * @param schools schools by slug, in folder order
 * @param documents parsed policies by school slug
 * @param problems one line per file that was skipped, naming the file and why
 */
public record Corpus(
    Map<String, School> schools, Map<String, List<PolicyDocument>> documents, List<String> problems) {

  public Corpus {
    schools = Collections.unmodifiableMap(new LinkedHashMap<>(schools));
    documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    problems = List.copyOf(problems);
  }

  public Optional<School> school(String slug) {
    return Optional.ofNullable(slug).map(schools::get);
  }

  public List<PolicyDocument> documents(String school) {
    return documents.getOrDefault(school, List.of());
  }

  public Optional<PolicyDocument> document(String school, String policy) {
    return documents(school).stream().filter(d -> d.id().equals(policy)).findFirst();
  }

  /** Every clause of every school, keyed "school/policy/clause-id". */
  public Map<String, Clause> clausesByKey() {
    return documents.values().stream()
        .flatMap(List::stream)
        .flatMap(d -> d.clauses().stream())
        .collect(Collectors.toMap(Corpus::key, Function.identity(), (a, b) -> a));
  }

  public static String key(Clause c) {
    return c.school() + "/" + c.policy() + "/" + c.id();
  }

  public int clauseCount() {
    return documents.values().stream().flatMap(List::stream).mapToInt(d -> d.clauses().size()).sum();
  }
}
