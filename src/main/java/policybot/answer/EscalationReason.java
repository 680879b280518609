package policybot.answer;

/** Why a question goes to the head instead of being answered. */
public enum EscalationReason {
  NO_CLAUSE_COVERS_IT("No clause in the school's policies covers this question."),
  LOW_CONFIDENCE("The nearest clauses only partly match the question."),
  RULE_IS_FOR_PERSONAL_USE("The nearest rule is about personal use, and the question is about school work."),
  CLAUSES_DISAGREE("The most relevant clauses point different ways."),
  NO_RULE_FOR_THEM("The question is about what pupils or parents may do, and the nearest clauses set rules for staff."),
  NO_CONSEQUENCE_GIVEN("The question asks what happens then, and the nearest clauses do not say."),
  OVER_THE_AGE_LIMIT("The nearest rule covers only people under an age, and the question is about someone older."),
  NO_FIGURE_GIVEN("The question asks how long, how often or how many, and the nearest clauses give no figure."),
  NO_COST_GIVEN("The question asks who pays, and the nearest clauses say nothing of paying."),
  NOT_SAID_TO_EXIST("The question asks whether the school has something, and the nearest clauses do not say."),
  NO_PROCEDURE_GIVEN("The question asks how to go about something, and the nearest clauses do not say."),
  NO_CONTACT_GIVEN("The question asks for a phone number, an address or a code, and the policies give none."),
  NO_REQUIREMENT_GIVEN("The question asks whether something has to be done, and the nearest clauses do not mention it."),
  NEITHER_CHOICE_NAMED("The question asks which of two things, and the nearest clauses name neither."),
  ASKED_FOR_HEAD("The person asked for the head's view.");

  private final String explanation;

  EscalationReason(String explanation) {
    this.explanation = explanation;
  }

  public String explanation() {
    return explanation;
  }
}
