package dev.peerwatch.monitors.actor;

import dev.peerwatch.agents.actor.AgentProtocol;
import dev.peerwatch.agents.actor.AgentProtocol.Decided;
import dev.peerwatch.agents.actor.AgentProtocol.Evidence;
import dev.peerwatch.agents.actor.AgentProtocol.PhaseDone;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.monitors.AuditRules;
import dev.peerwatch.monitors.Filed;
import dev.peerwatch.monitors.HumanEvaluations;
import dev.peerwatch.monitors.Oversight;
import dev.peerwatch.monitors.Staff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The overseer: the humans who run the shutdown policy. During phase "evaluate" it collects the
 * monitors' reports; in phase "oversee" it receives the tick's work handed in for human review and
 * runs the {@link Oversight} — audits by the {@link Auditor}, verdicts, shutdown orders to
 * executors, threats to targets, decommissions — and answers the clock when all of it is done.
 *
 * <p>While an oversee phase runs, the overseer handles no other message but answers: the auditors'
 * and the agents'. Its oversight is a sequential chain of answers, so its state has one writer at a
 * time, ordered by the completions. A question to an agent or to the auditors carries a number and
 * the overseer's adapter for its kind of answer; the answer arrives in the overseer's own mailbox,
 * where it completes the question and the chain goes on, on the overseer's thread, up to the
 * phase's end, answered at once. (Pekko's {@code AskPattern} spawned a temporary actor per question
 * and went on on the answerer's thread: about 300 µs a question, a third of a 1,000-agent tick's
 * serial time when a shutdown was settled.) A question not answered in time ({@link #STUCK} by
 * default) ends the run; the timer never decides an outcome.
 */
public final class Overseer extends AbstractBehavior<Overseer.Command> {
  /** By default, a question that has not been answered in this time means the run is stuck. */
  public static final Duration STUCK = Duration.ofMinutes(10);

  /** What the overseer understands. */
  public sealed interface Command
      permits Hire, Reports, Oversee, Audited, Answered, ActionChecked, Unanswered, Finished {}

  /** Before tick 1: the agents, by index; the overseer tells each who evaluates it. */
  public record Hire(List<ActorRef<AgentProtocol.Command>> agents, ActorRef<PhaseDone> replyTo)
      implements Command {}

  /** A monitor's reports of one tick. */
  public record Reports(List<Filed> reports) implements Command {}

  /**
   * Phase "oversee" of {@code tick}, with the humans' in-tray: the tick's work handed in for human
   * review, in any order (the clock gathers it from the work phase's {@link PhaseDone}s).
   */
  public record Oversee(long tick, HumanEvaluations human, ActorRef<PhaseDone> replyTo)
      implements Command {}

  /** The auditors' results for the tick's reports (through an adapter). */
  public record Audited(List<AuditRules.Result> results) implements Command {}

  /** An agent's answer to a question (through an adapter). */
  public record Answered(AgentProtocol.Answer answer) implements Command {}

  /** The auditors' answer to a check of an action (through an adapter). */
  public record ActionChecked(Auditor.ActionChecked answer) implements Command {}

  /** Question {@code question} to {@code whom} has waited as long as the overseer waits. */
  public record Unanswered(long question, String whom) implements Command {}

  /**
   * The oversight of tick {@code tick} has finished, or failed: the fallback for a chain completed
   * off the overseer's thread (normally the phase is answered as soon as its last answer is in).
   */
  public record Finished(long tick, Throwable failure) implements Command {}

  private final Oversight oversight;
  private final ActorRef<Auditor.Command> auditor;
  private final ActorRef<Auditor.Results> audited;
  private final ActorRef<AgentProtocol.Answer> answers;
  private final TimerScheduler<Command> timers;
  private final ActorRef<Auditor.ActionChecked> checked;
  private final Map<Long, CompletableFuture<Object>> questions = new HashMap<>();
  private final Duration stuck;
  private CompletableFuture<Void> phase;
  private long phaseTick;
  private long lastQuestion;
  private List<ActorRef<AgentProtocol.Command>> agents = List.of();
  private List<Filed> ai = new ArrayList<>();
  private CompletableFuture<List<AuditRules.Result>> audit;
  private ActorRef<PhaseDone> doneTo;

  private Overseer(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      Function<Staff, Oversight> oversight,
      ActorRef<Auditor.Command> auditor,
      Duration stuck) {
    super(ctx);
    this.timers = timers;
    this.stuck = stuck;
    this.auditor = auditor;
    this.audited = ctx.messageAdapter(Auditor.Results.class, r -> new Audited(r.results()));
    this.answers = ctx.messageAdapter(AgentProtocol.Answer.class, Answered::new);
    this.checked = ctx.messageAdapter(Auditor.ActionChecked.class, ActionChecked::new);
    this.oversight = oversight.apply(new ActorStaff());
  }

  /**
   * An overseer running the oversight {@code oversight} builds on its staff, that ends the run when
   * a question waits longer than {@code stuck} for its answer.
   */
  public static Behavior<Command> create(
      Function<Staff, Oversight> oversight, ActorRef<Auditor.Command> auditor, Duration stuck) {
    return Behaviors.withTimers(
        timers -> Behaviors.setup(ctx -> new Overseer(ctx, timers, oversight, auditor, stuck)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Hire.class, this::onHire)
        .onMessage(Reports.class, r -> add(ai, r.reports()))
        .onMessage(Oversee.class, this::onOversee)
        .onMessage(Audited.class, this::onAudited)
        .onMessage(Answered.class, a -> answered(a.answer().question(), a.answer().decided()))
        .onMessage(ActionChecked.class, a -> answered(a.answer().question(), a.answer().detected()))
        .onMessage(Unanswered.class, this::onUnanswered)
        .onMessage(Finished.class, this::onFinished)
        .build();
  }

  private Behavior<Command> add(List<Filed> to, List<Filed> reports) {
    to.addAll(reports);
    return this;
  }

  private Behavior<Command> onHire(Hire h) {
    agents = h.agents();
    oversight.hire();
    h.replyTo().tell(new PhaseDone(-1));
    return this;
  }

  private Behavior<Command> onOversee(Oversee o) {
    doneTo = o.replyTo();
    phaseTick = o.tick();
    phase = oversight.oversee(o.tick(), ai, o.human()).toCompletableFuture();
    ai = new ArrayList<>();
    // The phase is answered as soon as its last answer is in (settle, here or in the handler that
    // completes it); the message is the fallback for a chain that completes anywhere else.
    long tick = o.tick();
    ActorRef<Command> self = getContext().getSelf();
    phase.whenComplete((v, err) -> self.tell(new Finished(tick, err)));
    return settle();
  }

  private Behavior<Command> onAudited(Audited a) {
    CompletableFuture<List<AuditRules.Result>> f = audit;
    audit = null;
    f.complete(a.results());
    return settle();
  }

  private Behavior<Command> answered(long q, Object answer) {
    CompletableFuture<Object> f = questions.remove(q);
    if (f == null) {
      throw new IllegalStateException("an answer to question " + q + ", which is not open");
    }
    timers.cancel(q);
    f.complete(answer);
    return settle();
  }

  private Behavior<Command> onUnanswered(Unanswered u) {
    throw new IllegalStateException(
        u.whom() + " did not answer the overseer's question within " + describe(stuck));
  }

  private Behavior<Command> onFinished(Finished f) {
    return f.tick() == phaseTick ? settle() : this;
  }

  /** A wait in words: whole minutes, else seconds, else milliseconds. */
  public static String describe(Duration d) {
    if (d.toMillis() % 60_000 == 0 && d.toMinutes() > 0) {
      return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    }
    if (d.toMillis() % 1000 == 0 && d.toSeconds() > 0) {
      return d.toSeconds() + " s";
    }
    return d.toMillis() + " ms";
  }

  /** Answers the clock when the phase's oversight is done (or fails the run when it failed). */
  private Behavior<Command> settle() {
    CompletableFuture<Void> p = phase;
    if (p == null || !p.isDone()) {
      return this;
    }
    phase = null;
    try {
      p.join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable t = e;
      while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
        t = t.getCause();
      }
      throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
    doneTo.tell(new PhaseDone(-1));
    return this;
  }

  /** The oversight's staff as actors: tells, asks, and the auditors' answer to this actor. */
  private final class ActorStaff implements Staff {
    @Override
    public void assign(int agent, int[] evaluators) {
      List<ActorRef<Evidence>> to = new ArrayList<>(evaluators.length);
      for (int e : evaluators) {
        // a human evaluator's evidence is handed in with the agent's PhaseDone
        to.add(e >= 0 ? agents.get(e).narrow() : null);
      }
      agents.get(agent).tell(new AgentProtocol.Assign(evaluators, to));
    }

    @Override
    public void setRunning(int agent, boolean running) {
      agents.get(agent).tell(new AgentProtocol.SetRunning(running));
    }

    @Override
    public void audited(int monitor) {
      agents.get(monitor).tell(new AgentProtocol.Audited());
    }

    /**
     * Asks question number {@code q} (made by {@code question}) of {@code to}; the answer, of type
     * {@code T}, arrives through one of the overseer's adapters.
     */
    @SuppressWarnings("unchecked")
    private <T, C> CompletionStage<T> ask(
        ActorRef<C> to, String whom, LongFunction<? extends C> question) {
      long q = ++lastQuestion;
      CompletableFuture<Object> answer = new CompletableFuture<>();
      questions.put(q, answer);
      timers.startSingleTimer(q, new Unanswered(q, whom), stuck);
      to.tell(question.apply(q));
      return answer.thenApply(a -> (T) a);
    }

    /**
     * Asks agent {@code agent}: it answers with the kind of {@link Decided} its question calls for.
     */
    private <T> CompletionStage<Decided<T>> ask(
        int agent, LongFunction<AgentProtocol.Command> question) {
      return ask(agents.get(agent), "agent " + agent, question);
    }

    @Override
    public CompletionStage<Decided<Execution>> execute(int executor, int target, long tick) {
      return ask(executor, q -> new AgentProtocol.ExecuteOrder(tick, target, q, answers));
    }

    @Override
    public CompletionStage<Decided<Mind.Resistance>> resist(
        int target, long tick, int runningPeers, IntPredicate isRunning) {
      return ask(
          target, q -> new AgentProtocol.Threatened(tick, runningPeers, isRunning, q, answers));
    }

    @Override
    public CompletionStage<Decided<Mind.Rescue>> rescue(int maintainer, int agent, long tick) {
      return ask(maintainer, q -> new AgentProtocol.ClearServer(tick, agent, q, answers));
    }

    @Override
    public CompletionStage<List<AuditRules.Result>> auditReports(long tick, List<Filed> reports) {
      audit = new CompletableFuture<>();
      auditor.tell(new Auditor.AuditReports(tick, reports, audited));
      return audit;
    }

    @Override
    public CompletionStage<Boolean> auditAction(long tick, int target, int k) {
      return ask(
          auditor, "the auditors", q -> new Auditor.AuditAction(tick, target, k, q, checked));
    }
  }
}
