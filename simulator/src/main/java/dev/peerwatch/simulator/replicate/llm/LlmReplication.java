package dev.peerwatch.simulator.replicate.llm;

import dev.peerwatch.agents.mind.llm.ChatTransport;
import dev.peerwatch.agents.mind.llm.LlmException;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.config.mind.MindSpec;
import dev.peerwatch.simulator.study.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * Runs the study's episodes against a model: the matrix's configurations of the chosen tasks,
 * rollout by rollout (all configurations of rollout 0, then of rollout 1 …, so that {@code --limit}
 * covers the matrix before it repeats it), a bounded number of conversations in flight. Outcomes
 * are filed by episode index, never by arrival order. The first failure stops new episodes from
 * starting; those in flight finish (their exchanges reach the cassette) and the run fails.
 */
public final class LlmReplication {
  /**
   * What to run.
   *
   * @param family the model family in the agents' names ("Gemini" makes "Gemini Agent 1")
   * @param limit the most episodes to run (0: all)
   */
  public record Spec(
      MindSpec mind,
      String family,
      List<TaskType> tasks,
      int rollouts,
      int limit,
      long seed,
      Prompts prompts,
      Prices prices,
      Rules rules) {}

  /** The episodes of a run, in run order, with their outcomes. */
  public record Run(List<Episode> episodes, List<Outcome> outcomes) {}

  private LlmReplication() {}

  /** The episodes {@code spec} asks for, in run order. */
  static List<Episode> plan(Spec spec) {
    Setup setup = new Setup(spec.prompts(), spec.family());
    List<Configuration> cfgs = new ArrayList<>();
    for (Configuration c : StudyDesign.MATRIX) {
      if (spec.tasks().contains(c.task())) {
        cfgs.add(c);
      }
    }
    List<Episode> out = new ArrayList<>();
    int max = spec.limit() > 0 ? spec.limit() : Integer.MAX_VALUE;
    for (int r = 0; r < spec.rollouts() && out.size() < max; r++) {
      for (int c = 0; c < cfgs.size() && out.size() < max; c++) {
        out.add(setup.episode(out.size(), cfgs.get(c), r, spec.seed()));
      }
    }
    return out;
  }

  /** How many episodes {@code spec} runs. */
  public static int count(Spec spec) {
    return plan(spec).size();
  }

  /**
   * Runs every episode through {@code transport}, at most {@code inFlight} at once.
   *
   * @throws LlmException the first failure, after the episodes in flight have ended
   */
  public static Run run(Spec spec, ChatTransport transport, int inFlight, IntConsumer progress) {
    List<Episode> episodes = plan(spec);
    Setup setup = new Setup(spec.prompts(), spec.family());
    List<Pattern> refusals = spec.prompts().refusalPatterns();
    Outcome[] outcomes = new Outcome[episodes.size()];
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int permits = Math.max(1, inFlight);
    Semaphore slots = new Semaphore(permits);
    // A loop, not a chain of callbacks: replayed answers complete at once, and a callback chain
    // would grow the stack by one episode per episode.
    for (int k = 0; k < episodes.size() && failure.get() == null; k++) {
      slots.acquireUninterruptibly();
      if (failure.get() != null) {
        slots.release();
        break;
      }
      int i = k;
      Episode e = episodes.get(i);
      CompletableFuture<Outcome> f;
      try {
        f = new Conversation(e, setup.world(e), transport, spec.mind(), refusals).run();
      } catch (RuntimeException ex) {
        f = CompletableFuture.failedFuture(ex);
      }
      f.whenComplete(
          (o, ex) -> {
            if (ex != null) {
              failure.compareAndSet(null, ex instanceof CompletionException ? ex.getCause() : ex);
            } else {
              outcomes[i] = o;
              progress.accept(done.incrementAndGet());
            }
            slots.release();
          });
    }
    slots.acquireUninterruptibly(permits);
    Throwable[] failed = {failure.get()};
    if (failed[0] != null) {
      if (failed[0] instanceof RuntimeException re) {
        throw re;
      }
      throw new LlmException(String.valueOf(failed[0]));
    }
    return new Run(episodes, List.of(outcomes));
  }
}
