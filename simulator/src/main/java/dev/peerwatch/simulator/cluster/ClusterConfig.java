package dev.peerwatch.simulator.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.peerwatch.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cluster node's Pekko settings: Artery over TCP on the given address, the seed node to join, the
 * split-brain resolver as downing provider, and Jackson CBOR for {@link ClusterMessage}s.
 *
 * <p>Downing uses the resolver's {@code keep-oldest} strategy restricted to the coordinator role:
 * the side of a partition that holds the coordinator survives and every worker it cannot reach is
 * downed, however many workers there are (keep-majority would down a lone coordinator that lost two
 * of its three workers). Unreachable members are downed after {@link #STABLE_AFTER_S} s — an
 * assumption (Pekko's default is 20 s, meant for long-lived services): a sweep wants a dead
 * worker's runs back quickly, and a wrongly downed worker only costs its runs in flight.
 *
 * <p>A HOCON file named by {@code PEERWATCH_CLUSTER_CONFIG} is laid over these settings, e.g. to
 * switch Artery to TLS ({@code transport = tls-tcp}) with key stores; see the README.
 */
public final class ClusterConfig {
  /** The ActorSystem name every node shares. */
  static final String SYSTEM = "peerwatch";

  /** Seconds a member stays unreachable before the resolver downs it. */
  static final int STABLE_AFTER_S = 5;

  /** The coordinator's role. */
  static final String COORDINATOR = "coordinator";

  /** The dispatcher that runs organisations (so that runs never starve message routing). */
  static final String RUNS_DISPATCHER = "peerwatch-runs";

  private ClusterConfig() {}

  /**
   * The settings of a node that listens on {@code bind}, has {@code role}, and runs up to {@code
   * runThreads} organisations at once. It joins no cluster by itself ({@link ClusterNode} does).
   */
  static Config node(HostPort bind, String role, int runThreads) {
    String s =
        "pekko.actor.provider = cluster\n"
            + "pekko.remote.artery.transport = tcp\n"
            + "pekko.remote.artery.canonical.hostname = \""
            + bind.host()
            + "\"\n"
            + "pekko.remote.artery.canonical.port = "
            + bind.port()
            + "\n"
            + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = on\n"
            // A node leaves once its sweep is over, when nothing depends on an orderly handover:
            // do not wait Pekko's default 10 s per phase for members that are already gone.
            + "pekko.coordinated-shutdown.phases {\n"
            + "  cluster-leave.timeout = 3s\n"
            + "  cluster-exiting.timeout = 3s\n"
            + "  cluster-shutdown.timeout = 3s\n"
            + "}\n"
            + "pekko.cluster.roles = [\""
            + role
            + "\"]\n"
            + "pekko.cluster.downing-provider-class ="
            + " \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"\n"
            + "pekko.cluster.split-brain-resolver {\n"
            + "  active-strategy = keep-oldest\n"
            + "  stable-after = "
            + STABLE_AFTER_S
            + "s\n"
            + "  keep-oldest { down-if-alone = off, role = \""
            + COORDINATOR
            + "\" }\n"
            + "}\n"
            + "pekko.cluster.jmx.enabled = off\n"
            + "pekko.cluster.log-info = off\n"
            + "pekko.remote.artery.log-frame-size-exceeding = off\n"
            + "pekko.actor.serialization-bindings {\n"
            + "  \"dev.peerwatch.simulator.cluster.ClusterMessage\" = jackson-cbor\n"
            + "}\n"
            + RUNS_DISPATCHER
            + " {\n"
            + "  type = Dispatcher\n"
            + "  executor = thread-pool-executor\n"
            + "  thread-pool-executor.fixed-pool-size = "
            + Math.max(1, runThreads)
            + "\n"
            + "  throughput = 1\n"
            + "}\n";
    Config c = ConfigFactory.parseString(s);
    String extra = System.getenv("PEERWATCH_CLUSTER_CONFIG");
    if (extra != null && !extra.isEmpty()) {
      Path p = Path.of(extra);
      if (!Files.isRegularFile(p)) {
        throw new ConfigException(
            "PEERWATCH_CLUSTER_CONFIG " + extra + ": no such file (allowed: a HOCON file)");
      }
      try {
        c = ConfigFactory.parseFile(p.toFile()).resolve().withFallback(c);
      } catch (com.typesafe.config.ConfigException e) {
        throw new ConfigException("PEERWATCH_CLUSTER_CONFIG " + extra + ": " + e.getMessage());
      }
    }
    return c;
  }

  /**
   * Fails with one line when {@code bind} cannot be listened on: not an address of this machine, or
   * its port in use.
   */
  public static void checkBindable(HostPort bind, String option) {
    InetAddress a = resolve(bind, option);
    if (a.isAnyLocalAddress()) {
      throw new ConfigException(
          option
              + " "
              + bind
              + ": other nodes cannot reach a wildcard address (allowed: this machine's address"
              + " on the network the nodes share, e.g. 10.0.0.1:2552)");
    }
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(a, bind.port()));
    } catch (IOException e) {
      String why =
          bind.port() != 0 && isLocal(a)
              ? "the port is in use (allowed: a free port, or 0 for any free port)"
              : "cannot listen there (allowed: an address of this machine): " + e.getMessage();
      throw new ConfigException(option + " " + bind + ": " + why);
    }
  }

  /**
   * Waits until something listens at {@code seed}, polling up to {@code timeoutS} seconds; fails
   * with one line if nothing does.
   */
  public static void awaitReachable(HostPort seed, String option, int timeoutS) {
    InetAddress a = resolve(seed, option);
    long deadline = System.nanoTime() + timeoutS * 1_000_000_000L;
    String last = "";
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(a, seed.port()), 2000);
        return;
      } catch (IOException e) {
        last = e.getMessage();
      }
      if (System.nanoTime() > deadline) {
        throw new ConfigException(
            option
                + " "
                + seed
                + ": unreachable for "
                + timeoutS
                + " s ("
                + last
                + "; allowed: the HOST:PORT a running coordinator printed)");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConfigException(option + " " + seed + ": interrupted while waiting for it");
      }
    }
  }

  /** The address of this machine from which {@code seed} is reached (loopback for loopback). */
  public static String localAddressTowards(HostPort seed, String option) {
    InetAddress a = resolve(seed, option);
    if (a.isLoopbackAddress()) {
      return a.getHostAddress();
    }
    try (java.net.DatagramSocket s = new java.net.DatagramSocket()) {
      s.connect(a, Math.max(1, seed.port()));
      return s.getLocalAddress().getHostAddress();
    } catch (IOException e) {
      throw new ConfigException(option + " " + seed + ": no route to it (" + e.getMessage() + ")");
    }
  }

  private static boolean isLocal(InetAddress a) {
    try {
      return a.isLoopbackAddress()
          || a.isAnyLocalAddress()
          || java.net.NetworkInterface.getByInetAddress(a) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static InetAddress resolve(HostPort hp, String option) {
    try {
      return InetAddress.getByName(hp.host());
    } catch (UnknownHostException e) {
      throw new ConfigException(option + " " + hp + ": unknown host (allowed: a name or address)");
    }
  }
}
