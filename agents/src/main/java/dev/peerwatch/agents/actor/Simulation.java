package dev.peerwatch.agents.actor;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.LoggerFactory;

/**
 * The process's one ActorSystem, sized to a thread count: a fork-join dispatcher with exactly that
 * many threads and a high throughput (on two cores this roughly triples message rates over Pekko's
 * defaults). Runs spawn their top-level actors through it. It lives in the lowest module with
 * actors so that every module's runners (replicate, the organisation, sweeps, and later minds or
 * cluster nodes) can share it without depending on one another.
 */
public final class Simulation implements AutoCloseable {
  private final ActorSystem<SpawnProtocol.Command> system;
  private final int threads;

  /** Starts a system with {@code threads} dispatcher threads. */
  public Simulation(int threads) {
    this.threads = threads;
    // Initialise logging on this thread first: Pekko's threads logging concurrently during
    // initialisation would otherwise make SLF4J print a replay warning.
    LoggerFactory.getILoggerFactory();
    Config cfg =
        ConfigFactory.parseString(
                "pekko.actor.default-dispatcher {\n"
                    + "  executor = fork-join-executor\n"
                    + "  fork-join-executor { parallelism-min = "
                    + threads
                    + ", parallelism-max = "
                    + threads
                    + ", parallelism-factor = 1.0 }\n"
                    + "  throughput = 100\n"
                    + "}\n"
                    + "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]\n"
                    + "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"\n"
                    + "pekko.loglevel = WARNING\n"
                    + "pekko.stdout-loglevel = OFF\n"
                    + "pekko.log-dead-letters = off\n"
                    + "pekko.log-dead-letters-during-shutdown = off\n"
                    + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n")
            .withFallback(ConfigFactory.load());
    this.system = ActorSystem.create(SpawnProtocol.create(), "peerwatch", cfg);
  }

  /** The dispatcher's thread count. */
  public int threads() {
    return threads;
  }

  /** Spawns a top-level actor. */
  public <T> ActorRef<T> spawn(Behavior<T> behavior, String name) {
    CompletionStage<ActorRef<T>> ref =
        AskPattern.ask(
            system,
            replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo),
            Duration.ofSeconds(10),
            system.scheduler());
    return ref.toCompletableFuture().join();
  }

  /**
   * Waits for {@code result} on the calling thread, reporting {@code done} to {@code progress}
   * about every 200 ms and once at the end. A failure of the work is rethrown as it is when
   * unchecked.
   */
  public static <T> T await(CompletableFuture<T> result, LongSupplier done, LongConsumer progress) {
    try {
      while (true) {
        try {
          T r = result.get(200, TimeUnit.MILLISECONDS);
          progress.accept(done.getAsLong());
          return r;
        } catch (TimeoutException e) {
          progress.accept(done.getAsLong());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("the run failed", e.getCause());
    }
  }

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
