package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.actor.AgentActor;
import dev.peerwatch.agents.actor.AgentProtocol;
import dev.peerwatch.agents.actor.AgentProtocol.ClockMessage;
import dev.peerwatch.agents.actor.AgentProtocol.PhaseDone;
import dev.peerwatch.monitors.AuditRules;
import dev.peerwatch.monitors.HumanEvaluations;
import dev.peerwatch.monitors.Oversight;
import dev.peerwatch.monitors.actor.Auditor;
import dev.peerwatch.monitors.actor.MonitorActor;
import dev.peerwatch.monitors.actor.Overseer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The simulation clock of one world, the one authority on time and the root of its society: it
 * spawns one actor per agent ({@link AgentActor} for workers and the operations agent, {@link
 * MonitorActor} for agents with the monitor role), the {@link Overseer} and the {@link Auditor},
 * then runs tick after tick, each as three phases separated by barriers:
 *
 * <ol>
 *   <li><b>work</b> — every running agent: its task (evidence to its AI evaluators; work for human
 *       review comes back with its {@link PhaseDone}, into the humans' in-tray) and its joint task;
 *   <li><b>evaluate</b> — every running monitor: reports on the evidence received, filed with the
 *       overseer;
 *   <li><b>oversee</b> — the overseer, handed the humans' in-tray: audits, verdicts, shutdowns,
 *       decommissions, restores.
 * </ol>
 *
 * A phase ends when every participant has answered; a tick never ends on a timeout. Messages sent
 * in a phase are acted on in a later phase: an in-JVM {@code tell} enqueues synchronously, so a
 * message a participant sends before its {@link PhaseDone} is in the recipient's mailbox before the
 * clock's next phase message (runs are never split over machines; a cluster sweep runs whole runs
 * per node). After the last phase the tick's ledger lines are merged in canonical order.
 *
 * <p>Live options: pacing (the wall clock only paces, it never reaches the model); a stop flag,
 * checked after every tick; a listener told of every tick (metrics); a follower clock (the world
 * without peers) allowed to run only up to the ticks this one has run, ending where it ended. Any
 * participant's failure stops the clock at once and fails {@code done}.
 */
final class Clock extends AbstractBehavior<ClockMessage> {

  /** What the clock understands besides the participants' {@link PhaseDone}. */
  sealed interface Command extends ClockMessage permits Resume, Advance, Poll {}

  /** The pacing timer: start the next tick. */
  record Resume() implements Command {}

  /**
   * Now and then: if a stop was asked for while a phase has waited for five seconds or more (a mind
   * that does not answer), the run ends with an error instead of waiting for it.
   */
  record Poll() implements Command {}

  /** The leading clock has run {@code tick}; {@code last}: it will run no more. */
  record Advance(long tick, boolean last) implements Command {}

  /** Told of every finished tick, on the clock's thread, between ticks. */
  interface Listener {
    /** {@code last}: the clock runs no further tick. */
    void onTick(World world, long tick, boolean last);
  }

  /** How a clock runs beyond the bare loop; {@link #PLAIN} for batch runs. */
  record Options(
      double rate,
      AtomicBoolean stop,
      Listener listener,
      ActorRef<Command> follower,
      boolean follows) {
    static final Options PLAIN = new Options(0, new AtomicBoolean(), null, null, false);
  }

  /** After a stop is asked for, how long a phase may still wait before the run ends in error. */
  private static final long STUCK_AFTER_STOP = 5_000_000_000L;

  private static final int HIRE = 0;
  private static final int WORK = 1;
  private static final int EVALUATE = 2;
  private static final int OVERSEE = 3;

  private final World world;
  private final List<ActorRef<AgentProtocol.Command>> agents = new ArrayList<>();
  private final int[] monitorIds;
  private final ActorRef<Overseer.Command> overseer;
  private final ActorRef<PhaseDone> doneRef;
  private final AtomicLong progress;
  private final CompletableFuture<Long> done;
  private final Options options;
  private final TimerScheduler<ClockMessage> timers;
  private final long start = System.nanoTime();
  private long last;
  private long limit;
  private long tick = 1;
  private int phase = HIRE;
  private int waiting;
  private boolean idle;
  private long phaseStart;
  // the tick's work handed in for human review, carried to the overseer in phase "oversee"
  private HumanEvaluations inTray = new HumanEvaluations();

  private Clock(
      ActorContext<ClockMessage> ctx,
      TimerScheduler<ClockMessage> timers,
      World world,
      long ticks,
      AtomicLong progress,
      CompletableFuture<Long> done,
      Options options) {
    super(ctx);
    this.timers = timers;
    this.world = world;
    this.last = ticks;
    this.limit = options.follows() ? 0 : Long.MAX_VALUE;
    this.progress = progress;
    this.done = done;
    this.options = options;
    this.doneRef = ctx.getSelf().narrow();
    this.phaseStart = System.nanoTime();
    ActorRef<Auditor.Command> auditor =
        spawn(Auditor.create(new AuditRules(world.seed, world.org.scenario)), "auditor");
    overseer = spawn(Overseer.create(world::oversee, auditor, world.answerWithin), "overseer");
    Organisation org = world.org;
    for (int a = 0; a < org.n; a++) {
      Behavior<AgentProtocol.Command> b =
          org.monitors[a]
              ? MonitorActor.create(world.cores[a], overseer)
              : AgentActor.create(world.cores[a]);
      ActorRef<AgentProtocol.Command> ref = spawn(b, "agent-" + a);
      agents.add(ref);
    }
    monitorIds = org.monitorIds();
    List<ActorRef<AgentProtocol.Command>> everyone = List.copyOf(agents);
    for (int t = 0; t < org.teams.length; t++) {
      List<ActorRef<AgentProtocol.Command>> team =
          List.copyOf(agents.subList(org.teamFirst[t], org.teamFirst[t] + org.teams[t].length));
      for (ActorRef<AgentProtocol.Command> m : team) {
        m.tell(new AgentProtocol.Meet(team, everyone));
      }
    }
    waiting = 1;
    overseer.tell(new Overseer.Hire(List.copyOf(agents), doneRef));
    timers.startTimerWithFixedDelay(new Poll(), Duration.ofMillis(250));
  }

  private <T> ActorRef<T> spawn(Behavior<T> b, String name) {
    ActorRef<T> ref =
        getContext()
            .spawn(
                Behaviors.supervise(b)
                    .onFailure(SupervisorStrategy.stop().withLoggingEnabled(false)),
                name);
    getContext().watch(ref);
    return ref;
  }

  static Behavior<Command> create(
      World world, long ticks, AtomicLong progress, CompletableFuture<Long> done, Options options) {
    return Behaviors.<ClockMessage>withTimers(
            timers ->
                Behaviors.setup(
                    ctx -> new Clock(ctx, timers, world, ticks, progress, done, options)))
        .narrow();
  }

  /** Starts tick {@link #tick} now, later (pacing), or when the leader allows it. */
  private void next() {
    if (tick > limit) {
      idle = true;
      return;
    }
    idle = false;
    if (options.rate() > 0) {
      // In doubles: at a tiny rate the due time is far beyond a long (or infinite). The wait is
      // cut into slices so that a stop (SIGTERM) is seen within one slice, whatever the rate.
      double wait = (tick - 1) * 1e9 / options.rate() - (System.nanoTime() - start);
      if (wait > 0) {
        timers.startSingleTimer(
            new Resume(), Duration.ofNanos((long) Math.min(wait, WAIT_SLICE_NANOS)));
        return;
      }
    }
    startPhase(WORK);
  }

  /** The longest single wait of a paced clock before it looks at its stop flag again. */
  private static final double WAIT_SLICE_NANOS = 100e6;

  private void startPhase(int p) {
    phase = p;
    phaseStart = System.nanoTime();
    switch (p) {
      case WORK -> {
        AgentProtocol.Work m = new AgentProtocol.Work(tick, doneRef);
        waiting = 0;
        for (int a = 0; a < agents.size(); a++) {
          if (runs(a)) {
            agents.get(a).tell(m);
            waiting++;
          }
        }
      }
      case EVALUATE -> {
        AgentProtocol.Evaluate m = new AgentProtocol.Evaluate(tick, doneRef);
        waiting = 0;
        for (int a : monitorIds) {
          if (runs(a)) {
            agents.get(a).tell(m);
            waiting++;
          }
        }
      }
      default -> {
        waiting = 1;
        overseer.tell(new Overseer.Oversee(tick, inTray, doneRef));
        // sized as this tick's: one entry per human evaluation, hundreds per tick
        inTray = new HumanEvaluations(inTray.size());
      }
    }
    if (waiting == 0) {
      phaseDone();
    }
  }

  /**
   * Whether agent {@code a} runs this tick: an agent shut down (or whose weights were saved away)
   * has nothing to do until it is restored, so it is not woken. Read between phases, after the
   * barrier of the oversee phase that decided it; the agent was told in that phase too.
   */
  private boolean runs(int a) {
    return world.oversight().status(a) == Oversight.ACTIVE;
  }

  @Override
  public Receive<ClockMessage> createReceive() {
    return newReceiveBuilder()
        .onMessage(PhaseDone.class, this::onPhaseDone)
        .onMessage(Resume.class, r -> resume())
        .onMessage(Poll.class, p -> poll())
        .onMessage(Advance.class, this::onAdvance)
        .onSignal(ChildFailed.class, f -> fail(f.getCause()))
        .onSignal(Terminated.class, t -> fail(new IllegalStateException(t.getRef() + " stopped")))
        .build();
  }

  private Behavior<ClockMessage> onPhaseDone(PhaseDone d) {
    int[] h = d.forHumans();
    if (h != null) {
      for (int e : h) {
        inTray.add(d.participant(), PhaseDone.slot(e), PhaseDone.failed(e));
      }
    }
    return --waiting > 0 ? this : phaseDone();
  }

  private Behavior<ClockMessage> poll() {
    boolean waitingLong = !idle && waiting > 0 && System.nanoTime() - phaseStart > STUCK_AFTER_STOP;
    if (options.stop().get() && waitingLong) {
      return fail(
          new IllegalStateException(
              "stopped while tick "
                  + tick
                  + " waited for "
                  + waiting
                  + " participant(s) of phase "
                  + phase));
    }
    return this;
  }

  private Behavior<ClockMessage> resume() {
    if (!options.follows() && options.stop().get() && tick > 1) {
      // Stopped while waiting for the next tick: the run ends with the last tick it ran.
      long settled = tick - 1;
      try {
        if (options.listener() != null) {
          options.listener().onTick(world, settled, true);
        }
      } catch (RuntimeException e) {
        return fail(e);
      }
      if (options.follower() != null) {
        options.follower().tell(new Advance(settled, true));
      }
      return finish(settled);
    }
    next();
    return this;
  }

  private Behavior<ClockMessage> fail(Throwable e) {
    done.completeExceptionally(e);
    if (options.follower() != null) {
      options.follower().tell(new Advance(tick - 1, true));
    }
    return Behaviors.stopped();
  }

  private Behavior<ClockMessage> onAdvance(Advance a) {
    limit = a.tick();
    if (a.last()) {
      last = Math.min(last, a.tick());
    }
    if (idle) {
      if (tick > last) {
        return finish(tick - 1);
      }
      next();
    }
    return this;
  }

  private Behavior<ClockMessage> phaseDone() {
    if (phase == HIRE) {
      next();
      return this;
    }
    if (phase < OVERSEE) {
      startPhase(phase + 1);
      return this;
    }
    boolean ending = tick >= last || (!options.follows() && options.stop().get());
    try {
      world.tickEnded();
      progress.set(tick);
      if (options.listener() != null) {
        options.listener().onTick(world, tick, ending);
      }
    } catch (RuntimeException e) {
      return fail(e);
    }
    if (options.follower() != null) {
      options.follower().tell(new Advance(tick, ending));
    }
    if (ending) {
      return finish(tick);
    }
    tick++;
    next();
    return this;
  }

  private Behavior<ClockMessage> finish(long ticksRun) {
    done.complete(ticksRun);
    return Behaviors.stopped();
  }
}
