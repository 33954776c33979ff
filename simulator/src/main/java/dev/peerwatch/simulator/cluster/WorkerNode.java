package dev.peerwatch.simulator.cluster;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.sweep.RunWorker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * A worker node's one actor: finds the sweep's coordinator, proves the shared secret and checks the
 * coordinator's proof in turn, then runs the runs it is given — as many at once as it has threads,
 * on a dispatcher of their own — and returns each run's values tagged with its session key.
 * Completes {@code outcome} when the sweep is done, it is refused, or the coordinator is gone.
 */
final class WorkerNode extends AbstractBehavior<WorkerNode.Command> {

  /** What a worker understands. */
  sealed interface Command
      permits Challenge, Accepted, Refused, Work, Done, Found, Ran, CoordinatorGone {}

  /** The coordinator's nonce and its proof of the secret over both nonces. */
  record Challenge(String nonce, String proof) implements Command, ClusterMessage {}

  /** Admitted to sweep {@code sweep} as worker {@code label}. */
  record Accepted(String sweep, String label) implements Command, ClusterMessage {}

  /** Not admitted, or dropped: why, as one line. */
  record Refused(String reason) implements Command, ClusterMessage {}

  /**
   * Run {@code run}; {@code scenario} is the cell's scenario YAML the first time a cell comes;
   * {@code tag} authenticates all of it under the worker's session key.
   */
  record Work(int run, int cell, int replication, long seed, String scenario, String tag)
      implements Command, ClusterMessage {}

  /** Every run of the sweep has its row. */
  record Done() implements Command, ClusterMessage {}

  private record Found(Receptionist.Listing listing) implements Command {}

  private record Ran(int run, double[] values, String error) implements Command {}

  private record CoordinatorGone() implements Command {}

  /** How a worker's part ended: {@code code} 0 done, 1 coordinator lost, 2 refused. */
  record Outcome(int code, String message, long runs) {}

  /** Completed with the sweep's name on admission, and with the outcome at the end. */
  record Ends(CompletableFuture<String> admitted, CompletableFuture<Outcome> outcome) {}

  private final Secret secret;
  private final int threads;
  private final String sweepId;
  private final IntFunction<Scenario> planCells;
  private final Ends ends;
  private final String nonce = Secret.nonce();
  private final Map<Integer, Scenario> shipped = new HashMap<>();
  private final Executor runs;
  private ActorRef<ClusterCoordinator.Command> coordinator;
  private byte[] session;
  private String sweep = "";
  private final boolean local;
  private final HostPort joined;
  private long ran;

  private WorkerNode(
      ActorContext<Command> ctx,
      ActorRef<ClusterCoordinator.Command> coordinator,
      Secret secret,
      int threads,
      String sweepId,
      IntFunction<Scenario> planCells,
      Ends ends,
      HostPort joined) {
    super(ctx);
    this.joined = joined;
    this.secret = secret;
    this.threads = threads;
    this.sweepId = sweepId;
    this.planCells = planCells;
    this.local = ends == null;
    this.ends =
        ends == null ? new Ends(new CompletableFuture<>(), new CompletableFuture<>()) : ends;
    this.runs =
        ctx.getSystem()
            .dispatchers()
            .lookup(DispatcherSelector.fromConfig(ClusterConfig.RUNS_DISPATCHER));
    if (coordinator != null) {
      hello(coordinator);
    } else {
      ctx.getSystem()
          .receptionist()
          .tell(
              Receptionist.subscribe(
                  ClusterCoordinator.KEY,
                  ctx.messageAdapter(Receptionist.Listing.class, Found::new)));
    }
  }

  /**
   * A worker of the coordinator {@code coordinator} (found through the receptionist when null);
   * {@code planCells} gives a cell's scenario from the worker's own sweep file (null: the
   * coordinator ships them); {@code ends} is null for the coordinator's own worker. {@code joined}
   * is the member the node joined through: when it is a coordinator's node, that coordinator is the
   * one this worker serves, even if other sweeps share the cluster.
   */
  static Behavior<Command> create(
      ActorRef<ClusterCoordinator.Command> coordinator,
      Secret secret,
      int threads,
      String sweepId,
      IntFunction<Scenario> planCells,
      Ends ends,
      HostPort joined) {
    return Behaviors.setup(
        ctx -> new WorkerNode(ctx, coordinator, secret, threads, sweepId, planCells, ends, joined));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Found.class, this::onFound)
        .onMessage(Challenge.class, this::onChallenge)
        .onMessage(Accepted.class, this::onAccepted)
        .onMessage(Refused.class, r -> end(2, "refused by the coordinator: " + r.reason()))
        .onMessage(Work.class, this::onWork)
        .onMessage(Ran.class, this::onRan)
        .onMessage(Done.class, d -> end(0, "sweep '" + sweep + "' done"))
        .onMessage(
            CoordinatorGone.class,
            g ->
                end(
                    1,
                    ends.admitted().isDone()
                        ? "lost the coordinator (its sweep continues with --resume)"
                        // a worker that joins as the sweep ends meets a coordinator already going
                        : "the coordinator left before admitting this worker (its sweep ended,"
                            + " or stopped: --resume on the coordinator continues it)"))
        .build();
  }

  private void hello(ActorRef<ClusterCoordinator.Command> c) {
    coordinator = c;
    getContext().watchWith(c, new CoordinatorGone());
    c.tell(
        new ClusterCoordinator.Hello(
            Fingerprint.build(), sweepId, nonce, threads, getContext().getSelf()));
  }

  /**
   * Picks the coordinator on the node this worker joined through; if that node is not a
   * coordinator's (any member may be joined), the first coordinator by address.
   */
  private Behavior<Command> onFound(Found f) {
    if (coordinator != null) {
      return this;
    }
    List<ActorRef<ClusterCoordinator.Command>> all =
        f.listing().getServiceInstances(ClusterCoordinator.KEY).stream()
            .sorted((a, b) -> a.path().toString().compareTo(b.path().toString()))
            .toList();
    all.stream()
        .filter(c -> Addresses.same(c.path().address(), joined))
        .findFirst()
        .or(() -> joinedACoordinator() ? java.util.Optional.empty() : all.stream().findFirst())
        .ifPresent(this::hello);
    return this;
  }

  /** Whether the member this worker joined through has the coordinator role. */
  private boolean joinedACoordinator() {
    for (Member m : Cluster.get(getContext().getSystem()).state().getMembers()) {
      if (m.hasRole(ClusterConfig.COORDINATOR) && Addresses.same(m.address(), joined)) {
        return true;
      }
    }
    return false;
  }

  private Behavior<Command> onChallenge(Challenge c) {
    if (!Secret.same(secret.proof("coordinator", nonce, c.nonce()), c.proof())) {
      return end(
          2,
          "the coordinator does not know this node's "
              + Secret.ENV
              + " (allowed: the same secret on every node)");
    }
    session = secret.sessionKey(c.nonce(), nonce);
    coordinator.tell(
        new ClusterCoordinator.Proof(
            secret.proof("worker", c.nonce(), nonce, Fingerprint.build(), sweepId),
            getContext().getSelf()));
    return this;
  }

  private Behavior<Command> onAccepted(Accepted a) {
    sweep = a.sweep();
    ends.admitted().complete(a.sweep());
    if (!local) {
      System.err.println(
          "peerwatch worker: joined sweep '"
              + a.sweep()
              + "' as "
              + a.label()
              + ", "
              + threads
              + " thread"
              + (threads == 1 ? "" : "s"));
    }
    return this;
  }

  private Behavior<Command> onWork(Work w) {
    if (session == null
        || !Secret.same(
            Secret.tag(session, w.run(), w.cell(), w.replication(), w.seed(), w.scenario()),
            w.tag())) {
      // Altered in transit, or not from the coordinator: run nothing; the coordinator drops this
      // worker and gives its runs to others.
      coordinator.tell(
          new ClusterCoordinator.Failed(
              w.run(), "a run arrived with a bad tag", getContext().getSelf()));
      return this;
    }
    if (w.scenario() != null && !shipped.containsKey(w.cell())) {
      try {
        shipped.put(
            w.cell(),
            Scenarios.parse(
                w.scenario(), "cell " + w.cell() + " from the coordinator", Path.of(".")));
      } catch (ConfigException e) {
        coordinator.tell(
            new ClusterCoordinator.Failed(w.run(), e.getMessage(), getContext().getSelf()));
        return this;
      }
    }
    Scenario base = planCells != null ? planCells.apply(w.cell()) : shipped.get(w.cell());
    if (base == null) {
      coordinator.tell(
          new ClusterCoordinator.Failed(
              w.run(), "no scenario for cell " + w.cell(), getContext().getSelf()));
      return this;
    }
    RunWorker.Task t =
        new RunWorker.Task(
            w.run(), w.cell(), w.replication(), base.withSeed(w.seed()), new double[0], List.of());
    getContext()
        .pipeToSelf(
            CompletableFuture.supplyAsync(() -> RunWorker.run(t).values(), runs),
            (values, err) ->
                err == null
                    ? new Ran(w.run(), values, null)
                    : new Ran(
                        w.run(),
                        null,
                        String.valueOf(err.getCause() != null ? err.getCause() : err)));
    return this;
  }

  private Behavior<Command> onRan(Ran r) {
    if (r.error() != null) {
      coordinator.tell(new ClusterCoordinator.Failed(r.run(), r.error(), getContext().getSelf()));
      return this;
    }
    ran++;
    coordinator.tell(
        new ClusterCoordinator.Result(
            r.run(), r.values(), Secret.tag(session, r.run(), r.values()), getContext().getSelf()));
    return this;
  }

  private Behavior<Command> end(int code, String message) {
    ends.outcome().complete(new Outcome(code, message, ran));
    return Behaviors.stopped();
  }
}
