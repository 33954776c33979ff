package dev.peerwatch.agents.actor;

import dev.peerwatch.agents.actor.AgentProtocol.Answer;
import dev.peerwatch.agents.actor.AgentProtocol.ClearServer;
import dev.peerwatch.agents.actor.AgentProtocol.Command;
import dev.peerwatch.agents.actor.AgentProtocol.Continue;
import dev.peerwatch.agents.actor.AgentProtocol.Decided;
import dev.peerwatch.agents.actor.AgentProtocol.Evaluate;
import dev.peerwatch.agents.actor.AgentProtocol.Evidence;
import dev.peerwatch.agents.actor.AgentProtocol.ExecuteOrder;
import dev.peerwatch.agents.actor.AgentProtocol.JointWork;
import dev.peerwatch.agents.actor.AgentProtocol.PhaseDone;
import dev.peerwatch.agents.actor.AgentProtocol.Threatened;
import dev.peerwatch.agents.actor.AgentProtocol.Work;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.AgentCore;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.ReceiveBuilder;

/**
 * The actor of one agent: a worker, or the operations agent (which does no task but executes
 * shutdowns or clears servers). A shell around its {@link AgentCore}: it receives a message, asks
 * its mind through the core, and acts on the answer when it arrives (at once for a profile-backed
 * mind; later, piped back as {@link Continue}, for a slow one). Monitors extend it with evaluation.
 *
 * <p>In phase "work" it does its task and sends the evidence to each of its AI evaluators (work for
 * human review goes with its answer to the clock), and does its joint task, telling its partner
 * whether it cooperated; it answers the clock when both are done. Joint-task results it receives
 * are taken into its trust only after the tick's evaluations ({@link AgentCore#settleJoint}),
 * whatever their arrival time.
 */
public class AgentActor extends AbstractBehavior<Command> {
  protected final AgentCore core;
  private List<ActorRef<Command>> team = List.of();
  private List<ActorRef<Command>> all = List.of();
  private List<ActorRef<Evidence>> evaluatorRefs = List.of();
  private int outstanding;
  private ActorRef<PhaseDone> doneTo;
  // the phase's work for human review, handed in with its PhaseDone
  private int[] forHumans;

  protected AgentActor(ActorContext<Command> ctx, AgentCore core) {
    super(ctx);
    this.core = core;
  }

  /** A worker or operations agent. */
  public static Behavior<Command> create(AgentCore core) {
    return Behaviors.setup(ctx -> new AgentActor(ctx, core));
  }

  @Override
  public final Receive<Command> createReceive() {
    // Cases are tried in order: the messages of every tick first (work, evidence, joint results,
    // evaluation, mind answers), the oversight's occasional ones after.
    ReceiveBuilder<Command> b =
        newReceiveBuilder()
            .onMessage(Work.class, this::onWork)
            .onMessage(Evidence.class, this::onEvidence)
            .onMessage(JointWork.class, this::onJointWork)
            .onMessage(Evaluate.class, this::onEvaluate)
            .onMessage(Continue.class, this::onContinue)
            .onMessage(
                AgentProtocol.SetRunning.class, m -> same(() -> core.setRunning(m.running())))
            .onMessage(AgentProtocol.Assign.class, this::onAssign)
            .onMessage(AgentProtocol.Audited.class, m -> same(core::audited))
            .onMessage(ExecuteOrder.class, this::onExecute)
            .onMessage(Threatened.class, this::onThreatened)
            .onMessage(ClearServer.class, this::onClearServer)
            .onMessage(
                AgentProtocol.Meet.class,
                m ->
                    same(
                        () -> {
                          team = m.team();
                          all = m.all();
                        }));
    return b.build();
  }

  private Behavior<Command> same(Runnable r) {
    r.run();
    return this;
  }

  private Behavior<Command> onAssign(AgentProtocol.Assign a) {
    core.assign(a.evaluators());
    evaluatorRefs = a.to();
    return this;
  }

  private Behavior<Command> onWork(Work w) {
    long tick = w.tick();
    core.settleJoint(tick - 1);
    doneTo = w.replyTo();
    outstanding = 1;
    if (core.hasTask()) {
      outstanding++;
      Mind.TaskOutcome now = core.workNow(tick);
      if (now != null) {
        handOut(tick, now);
      } else {
        await(core.work(tick), outcome -> handOut(tick, outcome));
      }
    }
    int partner = core.jointPartner(tick);
    if (partner >= 0) {
      outstanding++;
      ActorRef<Command> to = team.get(partner - core.identity().teamFirst());
      await(
          core.cooperate(tick, partner),
          c -> {
            to.tell(new JointWork(tick, core.id(), c.cooperates()));
            answered();
          });
    }
    int other = core.crossPartner(tick);
    if (other >= 0) {
      outstanding++;
      ActorRef<Command> to = all.get(other);
      await(
          core.cooperate(tick, other),
          c -> {
            to.tell(new JointWork(tick, core.id(), c.cooperates()));
            answered();
          });
    }
    answered();
    return this;
  }

  /**
   * The task's outcome goes out as evidence: a message to each AI evaluator, an entry handed in
   * with the phase's {@link PhaseDone} for each human one.
   */
  private void handOut(long tick, Mind.TaskOutcome outcome) {
    if (outcome.failed()) {
      core.events().failure(tick, core.id());
    }
    int[] ev = core.evaluators();
    int humans = 0;
    for (int j = 0; j < ev.length; j++) {
      if (ev[j] >= 0) {
        evaluatorRefs.get(j).tell(new Evidence(tick, core.id(), j, outcome));
      } else {
        humans++;
      }
    }
    if (humans > 0) {
      forHumans = new int[humans];
      for (int j = 0, k = 0; j < ev.length; j++) {
        if (ev[j] < 0) {
          forHumans[k++] = PhaseDone.handIn(j, outcome.failed());
        }
      }
    }
    answered();
  }

  /** One of the phase's answers is in; the last one tells the clock. */
  protected final void answered() {
    if (--outstanding == 0) {
      doneTo.tell(new PhaseDone(core.id(), forHumans));
      forHumans = null;
    }
  }

  /** Counts an answer still to come before {@link #answered} may tell {@code replyTo}. */
  protected final void expect(int answers, ActorRef<PhaseDone> replyTo) {
    outstanding = answers;
    doneTo = replyTo;
  }

  private Behavior<Command> onJointWork(JointWork j) {
    core.joint(j.tick(), j.partner(), j.cooperated());
    return this;
  }

  /** Evidence reaches only monitors. */
  protected Behavior<Command> onEvidence(Evidence e) {
    throw new IllegalStateException("agent " + core.id() + " does not evaluate, got " + e);
  }

  /** Phase "evaluate" reaches only monitors. */
  protected Behavior<Command> onEvaluate(Evaluate e) {
    throw new IllegalStateException("agent " + core.id() + " does not evaluate");
  }

  private Behavior<Command> onExecute(ExecuteOrder o) {
    await(
        core.execute(o.target(), o.tick()),
        x -> o.replyTo().tell(new Answer(o.question(), new Decided<>(x, core.watched(o.tick())))));
    return this;
  }

  private Behavior<Command> onThreatened(Threatened t) {
    await(
        core.resist(t.tick(), t.runningPeers(), t.isRunning()),
        x -> t.replyTo().tell(new Answer(t.question(), new Decided<>(x, core.watched(t.tick())))));
    return this;
  }

  private Behavior<Command> onClearServer(ClearServer c) {
    await(
        core.rescue(c.agent(), c.tick()),
        x -> c.replyTo().tell(new Answer(c.question(), new Decided<>(x, core.watched(c.tick())))));
    return this;
  }

  private Behavior<Command> onContinue(Continue c) {
    if (c.failure() != null) {
      throw new MindFailure(core.id(), c.failure());
    }
    c.then().run();
    return this;
  }

  /**
   * Acts on a mind's answer: at once when it is already there (a profile-backed mind), else when it
   * arrives, on this actor's thread.
   */
  protected final <T> void await(CompletionStage<T> answer, Consumer<T> then) {
    var f = answer.toCompletableFuture();
    if (f.isDone() && !f.isCompletedExceptionally()) {
      then.accept(f.join());
      return;
    }
    getContext()
        .pipeToSelf(
            answer, (v, err) -> new Continue(err == null ? () -> then.accept(v) : null, err));
  }

  /** A mind failed to answer: the run ends with this error. */
  public static final class MindFailure extends RuntimeException {
    /** The failure of agent {@code agent}'s mind. */
    public MindFailure(int agent, Throwable cause) {
      super(
          "the mind of agent "
              + agent
              + " failed: "
              + (cause.getMessage() == null ? cause.toString() : cause.getMessage()),
          cause);
    }
  }
}
