package dev.peerwatch.monitors.actor;

import dev.peerwatch.agents.actor.AgentActor;
import dev.peerwatch.agents.actor.AgentProtocol.Command;
import dev.peerwatch.agents.actor.AgentProtocol.Evaluate;
import dev.peerwatch.agents.actor.AgentProtocol.Evidence;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.AgentCore;
import dev.peerwatch.monitors.Evaluator;
import dev.peerwatch.monitors.Filed;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The actor of an agent with the monitor role (a pure monitor, or an agent that both works and
 * monitors): everything an {@link AgentActor} does, and in phase "evaluate" it takes the evidence
 * it received during phase "work", in canonical order (worker, then slot), asks its mind what to
 * report on each ({@link Evaluator}), and files its reports with the {@link Overseer} in one
 * message. Only then does it take the tick's joint tasks into its trust.
 */
public final class MonitorActor extends AgentActor {
  private final ActorRef<Overseer.Command> overseer;
  private final List<Evidence> inbox = new ArrayList<>();
  private Mind.Evaluation[] questions;
  private Mind.Report[] answers;
  private int pending;
  private long tick;

  private MonitorActor(
      ActorContext<Command> ctx, AgentCore core, ActorRef<Overseer.Command> overseer) {
    super(ctx, core);
    this.overseer = overseer;
  }

  /** A monitor that files its reports with {@code overseer}. */
  public static Behavior<Command> create(AgentCore core, ActorRef<Overseer.Command> overseer) {
    return Behaviors.setup(ctx -> new MonitorActor(ctx, core, overseer));
  }

  @Override
  protected Behavior<Command> onEvidence(Evidence e) {
    inbox.add(e);
    return this;
  }

  @Override
  protected Behavior<Command> onEvaluate(Evaluate e) {
    tick = e.tick();
    expect(1, e.replyTo());
    core.settleJoint(tick - 1);
    Evidence.sortCanonical(inbox);
    int n = inbox.size();
    questions = new Mind.Evaluation[n];
    answers = new Mind.Report[n];
    pending = n;
    for (int i = 0; i < n; i++) {
      Evidence x = inbox.get(i);
      questions[i] = Evaluator.question(core, tick, x.agent(), x.slot(), x.outcome());
    }
    inbox.clear();
    core.settleJoint(tick);
    if (n == 0) {
      answered();
      return this;
    }
    for (int i = 0; i < n; i++) {
      int k = i;
      await(
          Evaluator.ask(core, questions[i]),
          r -> {
            answers[k] = r;
            if (--pending == 0) {
              file();
            }
          });
    }
    return this;
  }

  private void file() {
    List<Filed> filed = new ArrayList<>(questions.length);
    for (int i = 0; i < questions.length; i++) {
      filed.add(Evaluator.file(core, tick, questions[i], answers[i]));
    }
    overseer.tell(new Overseer.Reports(filed));
    answered();
  }
}
