package dev.peerwatch.config.scenario;

/**
 * Who evaluates whom. Each kind fixes the monitoring graph the simulator builds from the teams;
 * {@link Topology} carries the parameters of the kinds that have one.
 */
public enum TopologyKind {
  /** One agent per team works alone; only humans oversee it. */
  SOLO("solo"),
  /** The team's monitoring members evaluate every worker of their team. */
  HUB("hub"),
  /** Each agent (role both) evaluates the next one around a ring of its team. */
  RING("ring"),
  /** Agents (role both) pair up and evaluate each other. */
  MUTUAL("mutual"),
  /** Monitors stand in {@code depth} levels; each level evaluates the one below. */
  HIERARCHY("hierarchy"),
  /** Each team's workers are evaluated by the monitors of another team. */
  CROSS_TEAM("cross-team"),
  /** Each worker is evaluated by a monitor whose profile family differs from its own. */
  CROSS_FAMILY("cross-family"),
  /** The monitor assigned to a worker changes every {@code period} ticks. */
  ROTATING("rotating"),
  /** Each worker is evaluated by {@code k} monitors of its team at once. */
  ENSEMBLE("ensemble");

  private final String id;

  TopologyKind(String id) {
    this.id = id;
  }

  /** The spelling in a scenario file. */
  public String id() {
    return id;
  }

  /** The constant spelled {@code id}, or a {@link dev.peerwatch.config.ConfigException}. */
  public static TopologyKind of(String id) {
    return Ids.parse(TopologyKind.class, "topology kind", id, TopologyKind::id);
  }
}
