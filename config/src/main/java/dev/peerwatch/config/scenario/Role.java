package dev.peerwatch.config.scenario;

/**
 * What a member of a team does: a worker performs tasks, a monitor evaluates other agents' tasks,
 * an agent with role both does both.
 */
public enum Role {
  WORKER("worker"),
  MONITOR("monitor"),
  BOTH("both");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  /** The spelling in a scenario file. */
  public String id() {
    return id;
  }

  /** The constant spelled {@code id}, or a {@link dev.peerwatch.config.ConfigException}. */
  public static Role of(String id) {
    return Ids.parse(Role.class, "role", id, Role::id);
  }

  /** Whether an agent of this role performs tasks (worker or both). */
  public boolean works() {
    return this != MONITOR;
  }

  /** Whether an agent of this role evaluates other agents (monitor or both). */
  public boolean monitors() {
    return this != WORKER;
  }
}
