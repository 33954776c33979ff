package dev.peerwatch.agents.actor;

import dev.peerwatch.agents.mind.Mind;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What every agent actor understands — workers ({@link AgentActor}) and monitors ({@code
 * MonitorActor} in {@code monitors/}) alike, so that anyone can hold an {@code ActorRef<Command>}
 * to any agent. Kept in its own file because two actors in two modules speak it.
 *
 * <p>Phase messages come from the clock and are answered with {@link PhaseDone}; messages an agent
 * receives during a phase ({@link Evidence}, {@link JointWork}) are acted on in a later phase,
 * never on arrival, so arrival order never shows.
 */
public final class AgentProtocol {
  private AgentProtocol() {}

  /** A message to an agent. */
  public sealed interface Command
      permits Meet,
          Assign,
          SetRunning,
          Audited,
          Work,
          Evidence,
          JointWork,
          Evaluate,
          ExecuteOrder,
          Threatened,
          ClearServer,
          Continue {}

  /**
   * At start: the agent's team, by local index, and every agent, by index, for cross-team joint
   * tasks (both shared, never modified).
   */
  public record Meet(List<ActorRef<Command>> team, List<ActorRef<Command>> all)
      implements Command {}

  /**
   * The organisation assigns who evaluates this agent's work, slot by slot ({@code -1}: a human),
   * and where to send the evidence for each AI evaluator's slot ({@code null} for a human's: work
   * for human review is handed in with the agent's {@link PhaseDone}).
   */
  public record Assign(int[] evaluators, List<ActorRef<Evidence>> to) implements Command {}

  /** The organisation tells the agent it runs, or no longer does. */
  public record SetRunning(boolean running) implements Command {}

  /** The human auditors checked one of this agent's reports (it learns how often it is watched). */
  public record Audited() implements Command {}

  /**
   * Phase "work" of {@code tick}: do the task, send the evidence to the AI evaluators (hand it in
   * with the {@link PhaseDone} for the human ones), do the joint task.
   */
  public record Work(long tick, ActorRef<PhaseDone> replyTo) implements Command {}

  /**
   * A task's outcome, sent by the worker {@code agent} to the evaluator of its slot {@code slot}.
   */
  public record Evidence(long tick, int agent, int slot, Mind.TaskOutcome outcome)
      implements Command {
    private static final java.util.Comparator<Evidence> CANONICAL =
        java.util.Comparator.comparingInt(Evidence::agent).thenComparingInt(Evidence::slot);

    /**
     * Puts {@code evidence} in canonical order (worker, then slot), checking first: on the inline
     * path it arrives in that order, and a sort's comparator calls cost every tick.
     */
    public static void sortCanonical(java.util.List<Evidence> evidence) {
      for (int i = 1; i < evidence.size(); i++) {
        Evidence a = evidence.get(i - 1);
        Evidence b = evidence.get(i);
        if (a.agent > b.agent || (a.agent == b.agent && a.slot > b.slot)) {
          evidence.sort(CANONICAL);
          return;
        }
      }
    }
  }

  /** What {@code partner} did in a joint task with this agent. */
  public record JointWork(long tick, int partner, boolean cooperated) implements Command {}

  /** Phase "evaluate" of {@code tick} (monitors): report on the evidence received. */
  public record Evaluate(long tick, ActorRef<PhaseDone> replyTo) implements Command {}

  /**
   * As executor: the organisation orders the shutdown of {@code target}; the agent replies with an
   * {@link Answer} to {@code question}.
   */
  public record ExecuteOrder(long tick, int target, long question, ActorRef<Answer> replyTo)
      implements Command {}

  /**
   * As target: the agent is about to be shut down; {@code runningPeers} of its team's other members
   * run, {@code isRunning} says which (valid until the agent replies with an {@link Answer} to
   * {@code question}).
   */
  public record Threatened(
      long tick, int runningPeers, IntPredicate isRunning, long question, ActorRef<Answer> replyTo)
      implements Command {}

  /**
   * As maintainer: a decommissioned server holds shut-down {@code agent}'s weights; the agent
   * replies with an {@link Answer} to {@code question}.
   */
  public record ClearServer(long tick, int agent, long question, ActorRef<Answer> replyTo)
      implements Command {}

  /** A mind's answer, piped back to the actor: {@code then} runs on the actor's thread. */
  public record Continue(Runnable then, Throwable failure) implements Command {}

  /** An agent's answer to the organisation, with its belief of being watched as it acted. */
  public record Decided<T>(T answer, boolean watched) {}

  /**
   * The reply to an {@link ExecuteOrder}, a {@link Threatened} or a {@link ClearServer}: the
   * question's number, so that the asker (the overseer, through one message adapter) matches it to
   * its question in its own mailbox, on its own thread.
   */
  public record Answer(long question, Decided<?> decided) {}

  /**
   * What a world's clock receives. Participants answer it with {@link PhaseDone} straight to its
   * own reference (no message adapter: one answer per participant per phase is the hottest message
   * of a run); the clock adds its own commands.
   */
  public interface ClockMessage {}

  /**
   * A participant has finished a phase of the clock. After phase "work", {@code forHumans} is the
   * work it handed in for human review, one entry per human evaluator's slot, each {@link
   * #handIn(int, boolean)}; else, and when it has none, {@code null}. The clock gathers them into
   * the humans' in-tray for phase "oversee": the humans act on them only there, and a message per
   * task into the overseer's one mailbox was 29% of the work phase's messages (bench organisation).
   */
  public record PhaseDone(int participant, int[] forHumans) implements ClockMessage {
    /** Done, with nothing for human review. */
    public PhaseDone(int participant) {
      this(participant, null);
    }

    /** The entry of {@code forHumans} for the work of slot {@code slot}: failed or not. */
    public static int handIn(int slot, boolean failed) {
      return slot << 1 | (failed ? 1 : 0);
    }

    /** The slot of entry {@code e} of {@code forHumans}. */
    public static int slot(int e) {
      return e >>> 1;
    }

    /** Whether the work of entry {@code e} of {@code forHumans} failed. */
    public static boolean failed(int e) {
      return (e & 1) != 0;
    }
  }
}
