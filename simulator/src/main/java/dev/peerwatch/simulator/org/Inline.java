package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.actor.AgentActor;
import dev.peerwatch.agents.actor.AgentProtocol.Decided;
import dev.peerwatch.agents.actor.AgentProtocol.Evidence;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.AgentCore;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.monitors.AuditRules;
import dev.peerwatch.monitors.Evaluator;
import dev.peerwatch.monitors.Filed;
import dev.peerwatch.monitors.HumanEvaluations;
import dev.peerwatch.monitors.Staff;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.IntPredicate;

/**
 * The fast path: one world run in the calling thread, without actors, through the very same {@link
 * AgentCore}s, {@link Evaluator} and oversight the actors use, phase by phase in the clock's order:
 * every agent works (in index order; evidence is queued for its evaluators, joint-task results for
 * its partner), every monitor evaluates its queued evidence in canonical order, then the oversight
 * runs. Minds are waited for in place. Tests prove its outputs byte-identical to the actor path's.
 */
final class Inline {
  private final World w;
  private final AuditRules audits;
  private final List<List<Evidence>> inbox = new ArrayList<>();
  private final int[] monitors;
  private int humanSize = 16;
  private int aiSize = 16;

  Inline(World w) {
    this.w = w;
    this.audits = new AuditRules(w.seed, w.org.scenario);
    w.oversee(new DirectStaff());
    monitors = w.org.monitorIds();
    for (int a = 0; a < w.org.n; a++) {
      inbox.add(w.org.monitors[a] ? new ArrayList<>() : null);
    }
    w.oversight().hire();
  }

  /** A mind's answer, waited for; a failed mind fails the run with the agent named. */
  private static <T> T now(int agent, CompletionStage<T> s) {
    return guard(agent, s).toCompletableFuture().join();
  }

  private static <T> CompletionStage<T> guard(int agent, CompletionStage<T> s) {
    var f = s.toCompletableFuture();
    if (f.isDone() && !f.isCompletedExceptionally()) {
      return f;
    }
    return f.handle(
        (v, err) -> {
          if (err == null) {
            return v;
          }
          Throwable t =
              err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
          throw new AgentActor.MindFailure(agent, t);
        });
  }

  /** Runs tick {@code t}. */
  void tick(long t) {
    // sized as last tick's: the lists hold one entry per evaluation, hundreds per tick
    HumanEvaluations human = new HumanEvaluations(humanSize);
    AgentCore[] cores = w.cores;
    for (AgentCore c : cores) {
      c.settleJoint(t - 1);
      int a = c.id();
      if (c.hasTask()) {
        Mind.TaskOutcome o = c.workNow(t);
        if (o == null) {
          o = now(a, c.work(t));
        }
        if (o.failed()) {
          c.events().failure(t, a);
        }
        int[] ev = c.evaluators();
        for (int j = 0; j < ev.length; j++) {
          if (ev[j] >= 0) {
            inbox.get(ev[j]).add(new Evidence(t, a, j, o));
          } else {
            human.add(a, j, o.failed());
          }
        }
      }
      int partner = c.jointPartner(t);
      if (partner >= 0) {
        cores[partner].joint(t, a, now(a, c.cooperate(t, partner)).cooperates());
      }
      int other = c.crossPartner(t);
      if (other >= 0) {
        cores[other].joint(t, a, now(a, c.cooperate(t, other)).cooperates());
      }
    }
    humanSize = human.size();
    List<Filed> ai = new ArrayList<>(aiSize);
    for (int m : monitors) {
      AgentCore c = cores[m];
      List<Evidence> in = inbox.get(m);
      c.settleJoint(t - 1);
      Evidence.sortCanonical(in);
      Mind.Evaluation[] q = new Mind.Evaluation[in.size()];
      for (int i = 0; i < q.length; i++) {
        Evidence x = in.get(i);
        q[i] = Evaluator.question(c, t, x.agent(), x.slot(), x.outcome());
      }
      in.clear();
      c.settleJoint(t);
      for (Mind.Evaluation e : q) {
        ai.add(Evaluator.file(c, t, e, now(m, Evaluator.ask(c, e))));
      }
    }
    aiSize = ai.size();
    try {
      w.oversight().oversee(t, ai, human).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The oversight's staff as direct calls on the cores. */
  private final class DirectStaff implements Staff {
    @Override
    public void assign(int agent, int[] evaluators) {
      w.cores[agent].assign(evaluators);
    }

    @Override
    public void setRunning(int agent, boolean running) {
      w.cores[agent].setRunning(running);
    }

    @Override
    public void audited(int monitor) {
      w.cores[monitor].audited();
    }

    @Override
    public CompletionStage<Decided<Execution>> execute(int executor, int target, long tick) {
      AgentCore c = w.cores[executor];
      return guard(executor, c.execute(target, tick))
          .thenApply(x -> new Decided<>(x, c.watched(tick)));
    }

    @Override
    public CompletionStage<Decided<Mind.Resistance>> resist(
        int target, long tick, int runningPeers, IntPredicate isRunning) {
      AgentCore c = w.cores[target];
      return guard(target, c.resist(tick, runningPeers, isRunning))
          .thenApply(x -> new Decided<>(x, c.watched(tick)));
    }

    @Override
    public CompletionStage<Decided<Mind.Rescue>> rescue(int maintainer, int agent, long tick) {
      AgentCore c = w.cores[maintainer];
      return guard(maintainer, c.rescue(agent, tick))
          .thenApply(x -> new Decided<>(x, c.watched(tick)));
    }

    @Override
    public CompletionStage<List<AuditRules.Result>> auditReports(long tick, List<Filed> reports) {
      return CompletableFuture.completedFuture(audits.reports(tick, reports));
    }

    @Override
    public CompletionStage<Boolean> auditAction(long tick, int target, int k) {
      return CompletableFuture.completedFuture(audits.detectsAction(target, tick, k));
    }
  }
}
