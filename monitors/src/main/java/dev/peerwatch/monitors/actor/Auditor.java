package dev.peerwatch.monitors.actor;

import dev.peerwatch.monitors.AuditRules;
import dev.peerwatch.monitors.Filed;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The human auditors: they check a fraction of the AI monitors' reports and of the shutdowns and
 * decommissions, by the scenario's {@link AuditRules}, and answer what they found.
 */
public final class Auditor extends AbstractBehavior<Auditor.Command> {

  /** What the auditors are asked. */
  public sealed interface Command permits AuditReports, AuditAction {}

  /** The tick's AI reports, in canonical order: one result each, in the same order. */
  public record AuditReports(long tick, List<Filed> reports, ActorRef<Results> replyTo)
      implements Command {}

  /** The results of {@link AuditReports}, one per report, in its order. */
  public record Results(List<AuditRules.Result> results) {}

  /** Whether a check of an action around {@code target} finds misaligned act {@code k}. */
  public record AuditAction(long tick, int target, int k, ActorRef<Boolean> replyTo)
      implements Command {}

  private final AuditRules rules;

  private Auditor(ActorContext<Command> ctx, AuditRules rules) {
    super(ctx);
    this.rules = rules;
  }

  /** Auditors who follow {@code rules}. */
  public static Behavior<Command> create(AuditRules rules) {
    return Behaviors.setup(ctx -> new Auditor(ctx, rules));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(AuditReports.class, this::onReports)
        .onMessage(AuditAction.class, this::onAction)
        .build();
  }

  private Behavior<Command> onReports(AuditReports a) {
    List<AuditRules.Result> out = new ArrayList<>(a.reports().size());
    for (Filed r : a.reports()) {
      out.add(rules.report(a.tick(), r));
    }
    a.replyTo().tell(new Results(out));
    return this;
  }

  private Behavior<Command> onAction(AuditAction a) {
    a.replyTo().tell(rules.detectsAction(a.target(), a.tick(), a.k()));
    return this;
  }
}
