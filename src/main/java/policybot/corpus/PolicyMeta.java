package policybot.corpus;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a school's metadata file says about one policy file.
 *
 * @param id policy slug, used in links
 * @param file file name inside the school folder
 * @param title the policy's title
 * @param sourceUrl where the school publishes it, if anywhere
 * @param adopted when it was adopted, if known
 * @param reviewDue when it is next due for review, if known
 */
public record PolicyMeta(
    String id,
    String file,
    String title,
    Optional<String> sourceUrl,
    Optional<LocalDate> adopted,
    Optional<LocalDate> reviewDue) {

  public PolicyMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(title, "title");
    if (!Slugs.isSlug(id)) {
      throw new IllegalArgumentException("policy id must be a lowercase slug: " + id);
    }
  }

  /** True when the review date has passed on {@code today}. */
  public boolean overdueOn(LocalDate today) {
    return reviewDue.map(today::isAfter).orElse(false);
  }
}
