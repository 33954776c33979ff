package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.Scenario;

/**
 * What the behaviour model needs of one profile in one scenario, resolved once: how its monitors
 * perceive, the cells behind their reports, its acts, and the factors that are the scenario's or
 * else the profile's. Agents of one profile share one.
 *
 * @param perception the scenario's perception model with the profile's parameters where the
 *     scenario states none
 * @param report the report cells in the scenario's channel, in-group factor resolved
 * @param acts the executor, maintainer and target cells in the scenario's channel
 * @param watchedFactor the profile's {@code watched_factor}
 * @param disposition the mean disposition to cooperate: the scenario's {@code trust.cooperation}
 *     when stated, else the profile's
 */
public record MonitorSetup(
    PerceptionSpec perception,
    ReportCells report,
    AgentBehaviour acts,
    double watchedFactor,
    double disposition) {

  /** The setup of {@code p} in {@code sc}. */
  public static MonitorSetup of(Profile p, Scenario sc) {
    BehaviourModel o = sc.behaviour();
    double coop = o.trustFormation().cooperation();
    return new MonitorSetup(
        o.perception().resolve(p.organisation()),
        ReportCells.of(p, sc.channel(), o.inGroupFactor()),
        AgentBehaviour.of(p, sc.channel()),
        p.organisation().watchedFactor().value(),
        BehaviourModel.byProfile(coop) ? p.organisation().disposition().value() : coop);
  }
}
