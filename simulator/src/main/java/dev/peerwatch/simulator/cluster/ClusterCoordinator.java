package dev.peerwatch.simulator.cluster;

import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import dev.peerwatch.simulator.sweep.RunWorker;
import dev.peerwatch.simulator.sweep.SweepData;
import dev.peerwatch.simulator.sweep.SweepRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * The coordinator of one sweep session on a cluster. Workers find it through the receptionist,
 * prove the shared secret, and are admitted if their build (and sweep file, if they name one)
 * matches; each admitted worker is kept busy with as many runs as it has threads. Every result is
 * checked against its worker's session key and written through the local sweep's writer, once: a
 * worker that leaves or is downed gives its unfinished runs back to the queue (see {@link
 * WorkQueue}). Completes with this session's rows when every run has one.
 */
final class ClusterCoordinator extends AbstractBehavior<ClusterCoordinator.Command> {
  /** The key under which workers find the coordinator. */
  static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "peerwatch-sweep");

  /** What the coordinator understands. */
  sealed interface Command permits Hello, Proof, Result, Failed, Gone {}

  /** A worker introduces itself with a fresh nonce; {@code sweep} is empty if it has no file. */
  record Hello(
      String build, String sweep, String nonce, int threads, ActorRef<WorkerNode.Command> worker)
      implements Command, ClusterMessage {}

  /** A worker's proof of the secret over both nonces, its build and its sweep. */
  record Proof(String proof, ActorRef<WorkerNode.Command> worker)
      implements Command, ClusterMessage {}

  /** A run's values, tagged with the worker's session key. */
  record Result(int run, double[] values, String tag, ActorRef<WorkerNode.Command> worker)
      implements Command, ClusterMessage {}

  /** A worker could not run a run. */
  record Failed(int run, String reason, ActorRef<WorkerNode.Command> worker)
      implements Command, ClusterMessage {}

  /** A worker's node left the cluster or was downed. */
  private record Gone(ActorRef<WorkerNode.Command> worker) implements Command {}

  /** One worker as the coordinator knows it. */
  private static final class Peer {
    final int id;
    final Hello hello;
    final String nonce = Secret.nonce();
    final Set<Integer> cellsSent = new HashSet<>();
    byte[] session;

    Peer(int id, Hello hello) {
      this.id = id;
      this.hello = hello;
    }
  }

  private final Session session;
  private final List<RunWorker.Task> tasks;
  private final Map<Integer, Integer> taskOfRun = new HashMap<>();
  private final Map<Integer, String> yamlOfCell = new HashMap<>();
  private final Map<ActorRef<WorkerNode.Command>, Peer> peers = new HashMap<>();
  private final WorkQueue queue;
  private final Writer partial;
  private final AtomicInteger done;
  private final CompletableFuture<List<SweepData.Run>> result;
  private final List<SweepData.Run> rows = new ArrayList<>();
  private final ActorRef<MemberGuard.Command> guard;
  private int nextId = 1;

  private ClusterCoordinator(
      ActorContext<Command> ctx,
      Session session,
      List<RunWorker.Task> tasks,
      Writer partial,
      AtomicInteger done,
      CompletableFuture<List<SweepData.Run>> result) {
    super(ctx);
    this.session = session;
    this.tasks = tasks;
    this.queue = new WorkQueue(tasks.size());
    this.partial = partial;
    this.done = done;
    this.result = result;
    for (int i = 0; i < tasks.size(); i++) {
      taskOfRun.put(tasks.get(i).run(), i);
    }
    if (tasks.isEmpty()) {
      result.complete(rows);
    }
    ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    this.guard = ctx.spawn(MemberGuard.create(session.status(), MemberGuard.GRACE), "member-guard");
    if (session.localThreads() > 0) {
      Map<Integer, dev.peerwatch.config.scenario.Scenario> cells = new TreeMap<>();
      tasks.forEach(t -> cells.putIfAbsent(t.cell(), t.scenario()));
      ctx.spawn(
          WorkerNode.create(
              ctx.getSelf(), session.secret(), session.localThreads(), "", cells::get, null, null),
          "local-worker");
    }
  }

  /** What a session needs besides its tasks: the plan's identity, the secret, its reporting. */
  record Session(
      String planId, String name, Secret secret, int localThreads, ClusterStatus status) {}

  static Behavior<Command> create(
      Session session,
      List<RunWorker.Task> tasks,
      Writer partial,
      AtomicInteger done,
      CompletableFuture<List<SweepData.Run>> result) {
    return Behaviors.setup(
        ctx -> new ClusterCoordinator(ctx, session, tasks, partial, done, result));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Hello.class, this::onHello)
        .onMessage(Proof.class, this::onProof)
        .onMessage(Result.class, this::onResult)
        .onMessage(Failed.class, this::onFailed)
        .onMessage(Gone.class, this::onGone)
        .build();
  }

  private Behavior<Command> onHello(Hello h) {
    if (peers.containsKey(h.worker())) {
      return this;
    }
    Peer p = new Peer(nextId++, h);
    peers.put(h.worker(), p);
    getContext().watchWith(h.worker(), new Gone(h.worker()));
    String proof = session.secret().proof("coordinator", h.nonce(), p.nonce);
    h.worker().tell(new WorkerNode.Challenge(p.nonce, proof));
    return this;
  }

  private Behavior<Command> onProof(Proof pr) {
    Peer p = peers.get(pr.worker());
    if (p == null || p.session != null) {
      return this;
    }
    Hello h = p.hello;
    String expected = session.secret().proof("worker", p.nonce, h.nonce(), h.build(), h.sweep());
    String why =
        Admission.refusal(
            Secret.same(expected, pr.proof()),
            h.build(),
            h.sweep(),
            Fingerprint.build(),
            session.planId(),
            session.name());
    if (why != null) {
      peers.remove(pr.worker());
      getContext().unwatch(pr.worker());
      session.status().event("refused a worker from " + where(pr.worker()) + ": " + why);
      pr.worker().tell(new WorkerNode.Refused(why));
      return this;
    }
    p.session = session.secret().sessionKey(p.nonce, h.nonce());
    guard.tell(new MemberGuard.Admitted(pr.worker().path().address()));
    session.status().joined(p.id, where(pr.worker()), h.threads());
    pr.worker().tell(new WorkerNode.Accepted(session.name(), "w" + p.id));
    if (queue.complete()) {
      pr.worker().tell(new WorkerNode.Done());
    }
    fill(p);
    return this;
  }

  private Behavior<Command> onResult(Result r) {
    Peer p = peers.get(r.worker());
    Integer t = taskOfRun.get(r.run());
    if (p == null || p.session == null || t == null) {
      return this;
    }
    if (!Secret.same(Secret.tag(p.session, r.run(), r.values()), r.tag())) {
      session.status().event("dropped a result with a bad tag from " + where(r.worker()));
      return this;
    }
    if (queue.finish(t, p.id)) {
      RunWorker.Task task = tasks.get(t);
      SweepData.Run row =
          new SweepData.Run(
              task.run(),
              task.cell(),
              task.replication(),
              task.scenario().seed(),
              task.levels(),
              task.xs(),
              r.values());
      try {
        SweepRunner.append(partial, row);
      } catch (IOException e) {
        result.completeExceptionally(new UncheckedIOException(e));
        return Behaviors.stopped();
      }
      rows.add(row);
      done.incrementAndGet();
      session.status().ran(p.id);
      if (queue.complete()) {
        peers.keySet().forEach(w -> w.tell(new WorkerNode.Done()));
        result.complete(rows);
        return this;
      }
    }
    fill(p);
    return this;
  }

  private Behavior<Command> onFailed(Failed f) {
    Peer p = peers.get(f.worker());
    if (p == null) {
      return this;
    }
    if (f.worker().path().address().hasLocalScope()) {
      result.completeExceptionally(
          new IllegalStateException("run " + f.run() + " failed: " + f.reason()));
      return Behaviors.stopped();
    }
    String why = "it could not run run " + f.run() + ": " + f.reason();
    f.worker().tell(new WorkerNode.Refused(why));
    session.status().event("dropped worker w" + p.id + " at " + where(f.worker()) + ": " + why);
    return depart(f.worker());
  }

  private Behavior<Command> onGone(Gone g) {
    return depart(g.worker());
  }

  private Behavior<Command> depart(ActorRef<WorkerNode.Command> worker) {
    Peer p = peers.remove(worker);
    getContext().unwatch(worker);
    if (p == null || p.session == null || queue.complete()) {
      return this;
    }
    int back = queue.release(p.id).size();
    session.status().left(p.id, back);
    peers.values().stream()
        .filter(q -> q.session != null)
        .sorted((a, b) -> Integer.compare(a.id, b.id))
        .forEach(this::fill);
    return this;
  }

  /**
   * Gives {@code p} runs until it has two per thread or none is pending: the second hides the round
   * trip to the coordinator, so a worker's threads never wait for their next run.
   */
  private void fill(Peer p) {
    while (p.session != null && queue.outAt(p.id) < 2 * p.hello.threads()) {
      int t = queue.take(p.id);
      if (t < 0) {
        return;
      }
      RunWorker.Task task = tasks.get(t);
      String yaml = null;
      if (p.hello.sweep().isEmpty() && p.cellsSent.add(task.cell())) {
        yaml =
            yamlOfCell.computeIfAbsent(
                task.cell(), c -> yaml(Scenarios.effective(task.scenario())));
      }
      p.hello
          .worker()
          .tell(
              new WorkerNode.Work(
                  task.run(),
                  task.cell(),
                  task.replication(),
                  task.scenario().seed(),
                  yaml,
                  Secret.tag(
                      p.session,
                      task.run(),
                      task.cell(),
                      task.replication(),
                      task.scenario().seed(),
                      yaml)));
    }
  }

  private static String yaml(Object tree) {
    try {
      return ReplicatePipeline.yaml().writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String where(ActorRef<?> ref) {
    var a = ref.path().address();
    return a.hasLocalScope() ? "this node" : a.host().get() + ":" + a.port().get();
  }
}
