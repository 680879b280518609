package policybot;

import policybot.cli.Cli;

/** Policy Bot: answers staff questions from the school's own policies. */
public final class PolicyBot {
  private PolicyBot() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
