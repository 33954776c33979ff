package dev.peerwatch.simulator.io;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What happens on SIGINT or SIGTERM, through the one supported mechanism, a JVM shutdown hook
 * (instead of {@code sun.misc.Signal}). The hook runs, in order:
 *
 * <ol>
 *   <li>every registered stop action (a live run's stop flag: it ends after its current tick);
 *   <li>when a stop was registered, a wait for the command to finish and write its files (bounded
 *       by the longest wait registered), after which the process ends with the command's own exit
 *       code, as if no signal had come;
 *   <li>otherwise the registered interrupt messages (a sweep: how many runs are saved), and the
 *       removal of every uncommitted output's temporary files; the process then ends with the
 *       signal's code (130 for SIGINT, 143 for SIGTERM).
 * </ol>
 *
 * A command that ends normally unregisters everything first, so the hook then does nothing.
 */
public final class Shutdown {
  private static final List<Runnable> STOPS = new CopyOnWriteArrayList<>();
  private static final List<Supplier<String>> MESSAGES = new CopyOnWriteArrayList<>();
  private static final List<Runnable> CLEANUPS = new CopyOnWriteArrayList<>();
  private static final CountDownLatch MAIN_DONE = new CountDownLatch(1);
  private static final Thread HOOK = new Thread(Shutdown::onShutdown, "peerwatch-shutdown");
  private static volatile long maxWaitMillis;
  private static volatile int exitCode = -1;
  private static volatile boolean installed;
  private static volatile boolean shuttingDown;

  private Shutdown() {}

  /** A registration, removed again by {@link #close()}. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private static synchronized void install() {
    if (!installed) {
      Runtime.getRuntime().addShutdownHook(HOOK);
      installed = true;
    }
  }

  /**
   * On a signal, runs {@code stop} and waits up to {@code maxWaitMillis} for the command to finish
   * its files (see {@link #exiting}) before the process ends with the command's exit code.
   */
  public static Registration onSignalStop(Runnable stop, long maxWaitMillis) {
    install();
    STOPS.add(stop);
    Shutdown.maxWaitMillis = Math.max(Shutdown.maxWaitMillis, maxWaitMillis);
    return () -> STOPS.remove(stop);
  }

  /** On a signal, prints {@code message} (when not null) on stderr before the process ends. */
  public static Registration onSignalSay(Supplier<String> message) {
    install();
    MESSAGES.add(message);
    return () -> MESSAGES.remove(message);
  }

  /** On a signal, runs {@code cleanup} before the process ends (after any stop has finished). */
  static Registration onSignalClean(Runnable cleanup) {
    install();
    CLEANUPS.add(cleanup);
    return () -> CLEANUPS.remove(cleanup);
  }

  /** Whether the process is shutting down on a signal. */
  public static boolean shuttingDown() {
    return shuttingDown;
  }

  /**
   * Called by the entry point with the command's exit code just before it exits: a shutdown hook
   * waiting for the command may now end the process with that code.
   */
  public static void exiting(int code) {
    exitCode = code;
    MAIN_DONE.countDown();
  }

  private static void onShutdown() {
    shuttingDown = true;
    boolean waited = false;
    if (!STOPS.isEmpty()) {
      for (Runnable s : STOPS) {
        s.run();
      }
      try {
        waited = MAIN_DONE.await(maxWaitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    PrintStream err = System.err;
    if (!waited) {
      for (Supplier<String> m : MESSAGES) {
        String line = m.get();
        if (line != null) {
          err.println(line);
        }
      }
    }
    for (Runnable c : CLEANUPS) {
      c.run();
    }
    if (waited && exitCode >= 0) {
      System.out.flush();
      err.flush();
      // The command finished its work after the signal: end with its code (0 when all went
      // well). The local actor systems do not hook the JVM; a cluster node's does (Pekko's
      // coordinated shutdown, to leave the cluster), and halting may cut its leaving short:
      // the other members then down the node as unreachable (ClusterConfig.STABLE_AFTER_S).
      // Nothing is lost by that: a coordinator reruns a run whose worker is gone.
      Runtime.getRuntime().halt(exitCode);
    }
  }
}
