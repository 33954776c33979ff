package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code peerwatch}: the command line. Bad input of any kind ends with one line on stderr and exit
 * code 2; an internal error with exit code 1.
 */
@Command(
    name = "peerwatch",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Simulates AI workers and AI monitors: peer-preservation and oversight breakdown.",
    subcommands = {
      ReplicateCommand.class,
      RunCommand.class,
      ServeCommand.class,
      SweepCommand.class,
      WorkerCommand.class,
      AnalyzeCommand.class,
      ProfilesCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for bad input. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(
              ex.getCommandLine().getCommandSpec().qualifiedName()
                  + ": "
                  + ex.getMessage()
                  + " (see "
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help)");
          return BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          PrintWriter err = c.getErr();
          if (ex instanceof ConfigException) {
            err.println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return BAD_INPUT;
          }
          err.println(c.getCommandSpec().qualifiedName() + ": internal error: " + ex);
          if (System.getenv("PEERWATCH_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return 1;
        });
    return cl.execute(args);
  }

  /** The entry point. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"peerwatch " + (v == null ? "dev" : v)};
    }
  }
}
