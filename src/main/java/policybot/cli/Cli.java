package policybot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import policybot.config.Config;

/** The {@code policybot} command and its subcommands. */
@Command(
    name = "policybot",
    mixinStandardHelpOptions = true,
    // every subcommand gets --help and --version too: "policybot ask --help" is the first thing tried
    scope = CommandLine.ScopeType.INHERIT,
    version = "Policy Bot 0.1",
    description = {
      "Answers staff questions from the school's own policies, quoting the clauses it rests on.",
      ""
    },
    subcommands = {
      AskCommand.class,
      BatchCommand.class,
      EvalCommand.class,
      IndexCommand.class,
      BenchCommand.class,
      ClausesCommand.class,
      ServeCommand.class,
      ReviewersCommand.class,
      AdminLinkCommand.class,
      BenchHttpCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Run 'policybot help <command>' for a command's options."})
public final class Cli {
  private Cli() {}

  /** Runs the command line and returns the exit code; bad input gets a message, not a trace. */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    if (args.length == 0) {
      cl.usage(cl.getOut());
      return 0;
    }
    return cl.execute(args);
  }

  /** The configured command line, with errors reported as one readable line. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Cli());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          String message = e instanceof Config.ConfigException ? "config: " + e.getMessage() : e.getMessage();
          cmd.getErr().println("policybot: " + (message == null ? e.getClass().getSimpleName() : message));
          if (Boolean.getBoolean("policybot.debug")) {
            e.printStackTrace(cmd.getErr());
          }
          return 2;
        });
    return cl;
  }
}
