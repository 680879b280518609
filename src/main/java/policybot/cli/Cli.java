package policybot.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
          cmd.getErr().println("policybot: " + readable(e));
          if (Boolean.getBoolean("policybot.debug")) {
            e.printStackTrace(cmd.getErr());
          }
          return 2;
        });
    return cl;
  }

  /**
   * One line a person can act on. A file-system exception's own message is only the path
   * ("policybot: /nope"), so say what is wrong with it.
   */
  static String readable(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof Config.ConfigException) {
      return "config: " + cause.getMessage();
    }
    if (cause instanceof NoSuchFileException f) {
      return "file or folder not found: " + f.getFile();
    }
    if (cause instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (cause instanceof NotDirectoryException f) {
      return "not a folder: " + f.getFile();
    }
    if (cause instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
