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
 * Two nodes in this JVM: a coordinator node and a bare node that joins the cluster but never proves
 * the secret. The guard downs it once its grace is over; an admitted node is left alone.
 */
class MemberGuardTest {
  @Test
  void aMemberThatIsNeverAdmittedIsDownedAndAnAdmittedOneIsNot() throws Exception {
    HostPort any = new HostPort("127.0.0.1", 0);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ClusterStatus status =
        new ClusterStatus(
            new PrintStream(log, true, StandardCharsets.UTF_8), new SimpleMeterRegistry());
    try (Simulation coordinator =
            ClusterNode.start(any, "--bind", null, "--seed-node", "coordinator", 1, 60);
        Simulation bare =
            ClusterNode.start(
                any,
                "--bind",
                HostPort.parse(ClusterNode.address(coordinator), "--join", 0),
                "--join",
                "worker",
                1,
                60);
        Simulation admitted =
            ClusterNode.start(
                any,
                "--bind",
                HostPort.parse(ClusterNode.address(coordinator), "--join", 0),
                "--join",
                "worker",
                1,
                60)) {
      var guard =
          coordinator.spawn(MemberGuard.create(status, Duration.ofSeconds(2)), "guard-test");
      guard.tell(new MemberGuard.Admitted(Cluster.get(admitted.system()).selfMember().address()));
      Cluster bareCluster = Cluster.get(bare.system());
      long end = System.nanoTime() + 120_000_000_000L;
      while (bareCluster.selfMember().status() == MemberStatus.up()
          && !bare.system().whenTerminated().isCompleted()) {
        assertThat(System.nanoTime()).as("the bare node is downed").isLessThan(end);
        Thread.sleep(50);
      }
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("downed the node at 127.0.0.1:" + ClusterNode.address(bare).split(":")[1])
          .contains("it was not admitted within 2 s")
          .doesNotContain(ClusterNode.address(admitted));
      assertThat(Cluster.get(admitted.system()).selfMember().status()).isEqualTo(MemberStatus.up());
    }
  }
}
