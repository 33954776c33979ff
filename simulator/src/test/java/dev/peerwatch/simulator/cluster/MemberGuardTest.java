package dev.peerwatch.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.Simulation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;

/**
 * Four nodes in this JVM: two coordinator nodes (two sweeps sharing a cluster, as with {@code
 * --seed-node}), a bare node that joins but never proves the secret, and a node the first
 * coordinator admitted. The second coordinator's guard downs the bare node once its grace is over,
 * and leaves the admitted node alone because the first guard vouched for it.
 */
class MemberGuardTest {
  @Test
  void aMemberThatNoCoordinatorAdmittedIsDownedAndOneAnyCoordinatorAdmittedIsNot()
      throws Exception {
    HostPort any = new HostPort("127.0.0.1", 0);
    ByteArrayOutputStream log1 = new ByteArrayOutputStream();
    ByteArrayOutputStream log2 = new ByteArrayOutputStream();
    try (Simulation first =
            ClusterNode.start(any, "--bind", null, "--seed-node", "coordinator", 1, 60);
        Simulation second = join(first, "coordinator");
        Simulation bare = join(first, "worker");
        Simulation admitted = join(first, "worker")) {
      // The first guard's grace never ends within the test: only the second guard downs.
      var guard1 =
          first.spawn(MemberGuard.create(status(log1), Duration.ofSeconds(600)), "guard-test");
      second.spawn(MemberGuard.create(status(log2), Duration.ofSeconds(15)), "guard-test");
      guard1.tell(new MemberGuard.Admitted(Cluster.get(admitted.system()).selfMember().address()));
      Cluster bareCluster = Cluster.get(bare.system());
      long end = System.nanoTime() + 120_000_000_000L;
      while (bareCluster.selfMember().status() == MemberStatus.up()
          && !bare.system().whenTerminated().isCompleted()) {
        assertThat(System.nanoTime()).as("the bare node is downed").isLessThan(end);
        Thread.sleep(50);
      }
      // Both nodes' checks were due at the same moment: the bare node's downing is seen after both.
      assertThat(log2.toString(StandardCharsets.UTF_8))
          .contains("downed the node at 127.0.0.1:" + ClusterNode.address(bare).split(":")[1])
          .contains("it was not admitted within 15 s")
          .doesNotContain(ClusterNode.address(admitted));
      assertThat(log1.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(Cluster.get(admitted.system()).selfMember().status()).isEqualTo(MemberStatus.up());
    }
  }

  private static Simulation join(Simulation seed, String role) {
    return ClusterNode.start(
        new HostPort("127.0.0.1", 0),
        "--bind",
        HostPort.parse(ClusterNode.address(seed), "--join", 0),
        "--join",
        role,
        1,
        60);
  }

  private static ClusterStatus status(ByteArrayOutputStream log) {
    return new ClusterStatus(
        new PrintStream(log, true, StandardCharsets.UTF_8), new SimpleMeterRegistry());
  }
}
