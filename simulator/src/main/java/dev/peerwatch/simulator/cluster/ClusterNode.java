package dev.peerwatch.simulator.cluster;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;

/**
 * Starts one cluster node: checks its address can be listened on, starts the ActorSystem with the
 * cluster settings, joins (itself, to start a cluster, or a seed node) and waits until it is a
 * member. Every failure a user can fix is one line.
 */
final class ClusterNode {
  private ClusterNode() {}

  /**
   * A node on {@code bind} that joins {@code seed} (itself when null), given as {@code seedOption}
   * in messages, within {@code timeoutS} seconds.
   */
  static Simulation start(
      HostPort bind,
      String bindOption,
      HostPort seed,
      String seedOption,
      String role,
      int runThreads,
      int timeoutS) {
    if (seed != null) {
      ClusterConfig.awaitReachable(seed, seedOption, timeoutS);
    }
    ClusterConfig.checkBindable(bind, bindOption);
    Simulation sim;
    try {
      sim = new Simulation(Math.max(1, runThreads), ClusterConfig.node(bind, role, runThreads));
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigException(bindOption + " " + bind + ": cannot start a node there: " + e);
    }
    Cluster cluster = Cluster.get(sim.system());
    if (seed == null) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      Address a = new Address("pekko", ClusterConfig.SYSTEM, seed.host(), seed.port());
      cluster.manager().tell(new JoinSeedNodes(List.of(a)));
    }
    long deadline = System.nanoTime() + timeoutS * 1_000_000_000L;
    while (cluster.selfMember().status() != MemberStatus.up()) {
      if (System.nanoTime() > deadline) {
        sim.close();
        throw new ConfigException(
            (seed == null ? bindOption + " " + bind : seedOption + " " + seed)
                + ": no cluster admitted this node within "
                + timeoutS
                + " s (allowed: the HOST:PORT of a running peerwatch coordinator)");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        sim.close();
        throw new ConfigException("interrupted while joining the cluster");
      }
    }
    return sim;
  }

  /** The HOST:PORT this node listens on (the system's pick when the port was 0). */
  static String address(Simulation sim) {
    Address a = Cluster.get(sim.system()).selfMember().address();
    String host = a.host().get();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.port().get();
  }
}
