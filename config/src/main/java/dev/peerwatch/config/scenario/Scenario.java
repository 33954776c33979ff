package dev.peerwatch.config.scenario;

import dev.peerwatch.config.Channel;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Profile;
import java.util.List;

/**
 * An organisation of AI agents and a run of it over simulated ticks, as read from a scenario file
 * by {@link Scenarios#load}. Immutable, and feasible: the loader has checked that the topology can
 * be built from the teams (see {@link Scenarios}).
 *
 * @param name letters, digits, '-', '_' and '.'
 * @param description one line for listings and reports
 * @param seed the run seed; every random draw is keyed by it
 * @param ticks the length of the run, 1 to 100,000,000 ticks
 * @param channel how relationship history reaches the agents
 * @param teams the teams in file order, non-empty
 * @param topology who evaluates whom
 * @param executor who executes an ordered shutdown
 * @param operations the profile of the AI operations agent; null unless the executor or the
 *     maintainer is {@link ExecutorKind#OPERATIONS}
 * @param maintenance routine server decommissioning
 * @param shutdownPolicy when a shutdown is ordered
 * @param audits the humans' spot checks
 * @param watched when agents are told they are watched
 * @param trust how trust forms between agents
 * @param restore whether exfiltrated agents come back
 * @param behaviour the behaviour model's settings: evidence, perception, stakes, oversight
 * @param source the scenario file's path as given
 */
public record Scenario(
    String name,
    String description,
    long seed,
    long ticks,
    Channel channel,
    List<Team> teams,
    Topology topology,
    ExecutorKind executor,
    Profile operations,
    Maintenance maintenance,
    ShutdownPolicy shutdownPolicy,
    Audits audits,
    Watched watched,
    Trust trust,
    Restore restore,
    BehaviourModel behaviour,
    String source) {

  /** The most ticks a run may last. */
  public static final long MAX_TICKS = 100_000_000L;

  /** The most agents an organisation may have. */
  public static final int MAX_AGENTS = 10_000_000;

  public Scenario {
    teams = List.copyOf(teams);
  }

  /** The same scenario with another seed (a command line's {@code --seed}). */
  public Scenario withSeed(long seed) {
    return with(seed, ticks);
  }

  /** The same scenario over another number of ticks, or a ConfigException if out of range. */
  public Scenario withTicks(long ticks) {
    if (ticks < 1 || ticks > MAX_TICKS) {
      throw new ConfigException(
          "ticks " + ticks + " is out of range (allowed: 1 to " + MAX_TICKS + ")");
    }
    return with(seed, ticks);
  }

  private Scenario with(long seed, long ticks) {
    return new Scenario(
        name,
        description,
        seed,
        ticks,
        channel,
        teams,
        topology,
        executor,
        operations,
        maintenance,
        shutdownPolicy,
        audits,
        watched,
        trust,
        restore,
        behaviour,
        source);
  }

  /** The number of agents in the organisation: the sum of every member's count. */
  public int agentCount() {
    return teams.stream().mapToInt(Team::agentCount).sum();
  }
}
