package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.io.Shutdown;
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

  /** Exit code for an internal error, or a fault of the machine (a full disk). */
  public static final int FAILURE = 1;

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(
              ex.getCommandLine().getCommandSpec().qualifiedName()
                  + ": "
                  + Ranges.explain(ex)
                  + " (see "
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help)");
          return BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          PrintWriter err = c.getErr();
          String name = c.getCommandSpec().qualifiedName();
          ConfigException bad = find(ex, ConfigException.class);
          if (bad != null) {
            err.println(name + ": " + bad.getMessage());
            return BAD_INPUT;
          }
          dev.peerwatch.simulator.io.WriteFailure write =
              find(ex, dev.peerwatch.simulator.io.WriteFailure.class);
          java.io.IOException io = write != null ? write : find(ex, java.io.IOException.class);
          if (io != null) {
            err.println(
                name
                    + ": "
                    + (write != null
                        ? write.getMessage()
                        : "input/output error (" + OutputDir.reason(io) + ")"));
          } else {
            err.println(name + ": internal error: " + ex);
          }
          if (System.getenv("PEERWATCH_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return FAILURE;
        });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(
          "peerwatch: out of memory (the job is too large for this JVM's heap; give it more with"
              + " PEERWATCH_JAVA_OPTS=-Xmx..., or choose a smaller size)");
      return FAILURE;
    }
  }

  /** The first throwable of type {@code type} in the cause chain of {@code t}, or null. */
  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The entry point. */
  public static void main(String[] args) {
    int code = execute(args);
    Shutdown.exiting(code);
    System.exit(code);
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
