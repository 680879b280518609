package policybot.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code corpus/<school>/school.yml} and the policy files it lists. A file that cannot be
 * read is reported and skipped; the rest of the corpus still loads.
 */
public final class CorpusLoader {
  private static final Logger log = LoggerFactory.getLogger(CorpusLoader.class);

  /** The metadata file each school folder carries. */
  public static final String METADATA_FILE = "school.yml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());

  private final ClauseSplitter splitter = new ClauseSplitter();

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SchoolFile(String name, ContactsFile contacts, List<PolicyFile> policies) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContactsFile(String head, String dsl, String esafety) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PolicyFile(
      String id,
      String file,
      String title,
      @JsonProperty("source_url") String sourceUrl,
      LocalDate adopted,
      @JsonProperty("review_due") LocalDate reviewDue) {}

  /** Loads every school folder under {@code root}. */
  public Corpus load(Path root) throws IOException {
    Map<String, School> schools = new LinkedHashMap<>();
    Map<String, List<PolicyDocument>> docs = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (School school : readSchools(root, problems)) {
      schools.put(school.slug(), school);
      docs.put(school.slug(), readPolicies(root.resolve(school.slug()), school, problems));
    }
    problems.forEach(p -> log.warn("skipped {}", p));
    return new Corpus(schools, docs, problems);
  }

  /** Reads every school's metadata under {@code root}, noting folders that are not schools. */
  public List<School> readSchools(Path root, List<String> problems) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("corpus folder not found: " + root.toAbsolutePath());
    }
    List<School> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
        readSchool(folder, problems).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Parses one policy file's bytes into clauses. */
  public PolicyDocument parse(School school, PolicyMeta meta, Path file, byte[] bytes)
      throws DocumentText.UnreadableDocumentException {
    String text = DocumentText.read(file, bytes);
    List<Clause> clauses = splitter.split(school.slug(), meta.id(), List.of(school.name(), meta.title()), text);
    if (clauses.isEmpty()) {
      throw new DocumentText.UnreadableDocumentException(file, "no clauses found in the text", null);
    }
    return new PolicyDocument(school.slug(), meta, sha256(bytes), clauses);
  }

  private Optional<School> readSchool(Path folder, List<String> problems) {
    String slug = folder.getFileName().toString();
    Path meta = folder.resolve(METADATA_FILE);
    if (!Files.isRegularFile(meta)) {
      problems.add(slug + "/: no " + METADATA_FILE + ", so the folder is not a school");
      return Optional.empty();
    }
    try {
      SchoolFile f = YAML.readValue(meta.toFile(), SchoolFile.class);
      ContactsFile c = f.contacts() == null ? new ContactsFile(null, null, null) : f.contacts();
      List<PolicyMeta> policies = new ArrayList<>();
      for (PolicyFile p : f.policies() == null ? List.<PolicyFile>of() : f.policies()) {
        policies.add(
            new PolicyMeta(
                p.id() != null ? p.id() : Slugs.of(p.file(), 8),
                p.file(),
                p.title() != null ? p.title() : p.file(),
                Optional.ofNullable(p.sourceUrl()).filter(u -> !u.isBlank()),
                Optional.ofNullable(p.adopted()),
                Optional.ofNullable(p.reviewDue())));
      }
      return Optional.of(
          new School(slug, f.name() == null ? slug : f.name(), new School.Contacts(c.head(), c.dsl(), c.esafety()), policies));
    } catch (IOException | RuntimeException e) {
      problems.add(slug + "/" + METADATA_FILE + ": " + firstLine(e.getMessage()));
      return Optional.empty();
    }
  }

  private List<PolicyDocument> readPolicies(Path folder, School school, List<String> problems) {
    List<PolicyDocument> out = new ArrayList<>();
    for (PolicyMeta meta : school.policies()) {
      Path file = folder.resolve(meta.file());
      String where = school.slug() + "/" + meta.file();
      try {
        if (!Files.isRegularFile(file)) {
          problems.add(where + ": listed in " + METADATA_FILE + " but not found");
          continue;
        }
        out.add(parse(school, meta, file, Files.readAllBytes(file)));
      } catch (DocumentText.UnreadableDocumentException e) {
        problems.add(school.slug() + "/" + e.getMessage());
      } catch (IOException | RuntimeException e) {
        problems.add(where + ": " + firstLine(e.getMessage()));
      }
    }
    return out;
  }

  /** SHA-256 of a file's bytes, hex encoded. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
