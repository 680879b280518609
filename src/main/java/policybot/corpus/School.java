package policybot.corpus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One school: its name, the contacts its policies name and its policy files.
 *
 * @param slug folder name and the identifier other tools use
 * @param name the school's name
 * @param contacts who the policies tell staff to go to
 * @param policies the policy files listed in the school's metadata
 */
public record School(String slug, String name, Contacts contacts, List<PolicyMeta> policies) {

  public School {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contacts, "contacts");
    policies = List.copyOf(policies);
    if (!Slugs.isSlug(slug)) {
      throw new IllegalArgumentException("school slug must be a lowercase slug: " + slug);
    }
  }

  public Optional<PolicyMeta> policy(String id) {
    return policies.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * The people a school's policies name. Each is free text as the policy words it ("Miss Dines,
   * Safeguarding"), because that is what staff recognise.
   */
  public record Contacts(String head, String dsl, String esafety) {
    public Contacts {
      head = head == null || head.isBlank() ? "the headteacher" : head.strip();
      dsl = dsl == null || dsl.isBlank() ? "the Designated Safeguarding Lead" : dsl.strip();
      esafety = esafety == null ? "" : esafety.strip();
    }
  }
}
