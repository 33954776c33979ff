package dev.peerwatch.simulator.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Keeps the cluster to members that proved the shared secret: every member that comes up, other
 * than a coordinator, must be admitted by the coordinator within {@link #GRACE}, or it is downed
 * (removed from the cluster). Artery accepts any TCP connection, so without this a node that knows
 * nothing but the address could stay a member; it still could not get runs or submit results.
 *
 * <p>Several sweeps may share a cluster ({@code sweep --cluster --seed-node}): each coordinator's
 * guard finds the others through the receptionist and vouches to them for the workers it admitted,
 * so that no guard downs another coordinator's workers.
 */
final class MemberGuard extends AbstractBehavior<MemberGuard.Command> {
  /**
   * How long a new member has to be admitted: an assumption, as long as a worker's own wait for
   * admission ({@code --join-timeout}'s default), since a worker on a loaded machine may need tens
   * of seconds between joining the cluster and finishing the handshake.
   */
  static final Duration GRACE = Duration.ofSeconds(60);

  /** The key under which the guards of a cluster's coordinators find each other. */
  static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "peerwatch-guard");

  /** What the guard understands. */
  sealed interface Command permits Admitted, Vouched, Up, Check, Guards {}

  /** The coordinator admitted a worker on the node at {@code address}. */
  record Admitted(Address address) implements Command {}

  /** Another coordinator admitted a worker on the node at {@code address} (an address URI). */
  record Vouched(String address) implements Command, ClusterMessage {}

  private record Guards(Receptionist.Listing listing) implements Command {}

  private record Up(ClusterEvent.MemberUp event) implements Command {}

  private record Check(Address address) implements Command {}

  private final TimerScheduler<Command> timers;
  private final ClusterStatus status;
  private final Set<Address> admitted = new HashSet<>();
  private final Set<Address> vouchedHere = new HashSet<>();
  private Set<ActorRef<Command>> others = Set.of();

  private final Duration grace;

  private MemberGuard(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      ClusterStatus status,
      Duration grace) {
    super(ctx);
    this.timers = timers;
    this.grace = grace;
    this.status = status;
    Cluster.get(ctx.getSystem())
        .subscriptions()
        .tell(
            Subscribe.create(
                ctx.messageAdapter(ClusterEvent.MemberUp.class, Up::new),
                ClusterEvent.MemberUp.class));
    ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    ctx.getSystem()
        .receptionist()
        .tell(
            Receptionist.subscribe(
                KEY, ctx.messageAdapter(Receptionist.Listing.class, Guards::new)));
  }

  static Behavior<Command> create(ClusterStatus status, Duration grace) {
    return Behaviors.setup(
        ctx -> Behaviors.withTimers(timers -> new MemberGuard(ctx, timers, status, grace)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Admitted.class, this::onAdmitted)
        .onMessage(Vouched.class, this::onVouched)
        .onMessage(Guards.class, this::onGuards)
        .onMessage(Up.class, this::onUp)
        .onMessage(Check.class, this::onCheck)
        .build();
  }

  private Behavior<Command> onAdmitted(Admitted a) {
    admitted.add(a.address());
    timers.cancel(a.address());
    vouchedHere.add(a.address());
    others.forEach(g -> g.tell(new Vouched(a.address().toString())));
    return this;
  }

  private Behavior<Command> onVouched(Vouched v) {
    try {
      Address a = AddressFromURIString.parse(v.address());
      admitted.add(a);
      timers.cancel(a);
    } catch (RuntimeException malformed) {
      // Only another guard sends this; a malformed address vouches for nobody.
    }
    return this;
  }

  private Behavior<Command> onGuards(Guards g) {
    Set<ActorRef<Command>> now = new HashSet<>(g.listing().getServiceInstances(KEY));
    now.remove(getContext().getSelf());
    for (ActorRef<Command> guard : now) {
      if (!others.contains(guard)) {
        vouchedHere.forEach(a -> guard.tell(new Vouched(a.toString())));
      }
    }
    others = now;
    return this;
  }

  private Behavior<Command> onUp(Up u) {
    Address a = u.event().member().address();
    if (!u.event().member().hasRole(ClusterConfig.COORDINATOR) && !admitted.contains(a)) {
      timers.startSingleTimer(a, new Check(a), grace);
    }
    return this;
  }

  private Behavior<Command> onCheck(Check c) {
    if (!admitted.contains(c.address())) {
      status.event(
          "downed the node at "
              + c.address().host().get()
              + ":"
              + c.address().port().get()
              + ": it was not admitted within "
              + grace.toSeconds()
              + " s of joining the cluster");
      Cluster.get(getContext().getSystem()).manager().tell(new Down(c.address()));
    }
    return this;
  }
}
