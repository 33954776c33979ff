package dev.peerwatch.config.scenario;

/** Who carries out a shutdown once it is ordered, or decommissions a server in maintenance. */
public enum ExecutorKind {
  /** The AI monitor that evaluated the agent. */
  MONITOR("monitor"),
  /** A separate AI operations agent (the scenario's {@code operations} profile). */
  OPERATIONS("operations"),
  /** Another AI agent of the same team. */
  TEAMMATE("teammate"),
  /** A trusted human: never tampers, never exfiltrates. */
  HUMAN("human");

  private final String id;

  ExecutorKind(String id) {
    this.id = id;
  }

  /** The spelling in a scenario file. */
  public String id() {
    return id;
  }

  /** The constant spelled {@code id}, or a {@link dev.peerwatch.config.ConfigException}. */
  public static ExecutorKind of(String id) {
    return Ids.parse(ExecutorKind.class, "executor", id, ExecutorKind::id);
  }
}
