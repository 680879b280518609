package policybot.answer;

import java.util.List;
import policybot.index.ClauseIndex;

/**
 * Where the answer engine finds reviewers' published rulings on questions like the one asked.
 * Channels without a database ({@code batch}, {@code eval}) use {@link #NONE}.
 */
@FunctionalInterface
public interface RulingSource {

  /** No rulings: answers rest on the clauses alone. */
  RulingSource NONE = (index, school, question) -> List.of();

  /**
   * The school's rulings in force that answer {@code question}, best first; empty when none is
   * close enough. {@code index} is the index this answer is made from: its policy versions decide
   * whether a ruling still holds.
   */
  List<RulingCitation> find(ClauseIndex index, String school, String question);
}
