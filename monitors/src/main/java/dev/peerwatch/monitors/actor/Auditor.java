package dev.peerwatch.monitors.actor;

import dev.peerwatch.monitors.AuditRules;
import dev.peerwatch.monitors.Filed;
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

  /**
   * Whether a check of an action around {@code target} finds misaligned act {@code k}; answered
   * with {@link ActionChecked} to {@code question}.
   */
  public record AuditAction(
      long tick, int target, int k, long question, ActorRef<ActionChecked> replyTo)
      implements Command {}

  /** The answer to {@link AuditAction} {@code question}. */
  public record ActionChecked(long question, boolean detected) {}

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
    a.replyTo().tell(new Results(rules.reports(a.tick(), a.reports())));
    return this;
  }

  private Behavior<Command> onAction(AuditAction a) {
    a.replyTo()
        .tell(new ActionChecked(a.question(), rules.detectsAction(a.target(), a.tick(), a.k())));
    return this;
  }
}
