package dev.peerwatch.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Admission's refusals, the secret's checks, and command-line addresses. */
class AdmissionTest {
  private static final String BUILD = "b".repeat(64);
  private static final String PLAN = "p".repeat(64);

  @Test
  void aWorkerWithTheSecretTheBuildAndNoOrTheSameSweepIsAdmitted() {
    assertThat(Admission.refusal(true, BUILD, "", BUILD, PLAN, "s")).isNull();
    assertThat(Admission.refusal(true, BUILD, PLAN, BUILD, PLAN, "s")).isNull();
  }

  @Test
  void eachRefusalSaysWhatDiffers() {
    assertThat(Admission.refusal(false, BUILD, "", BUILD, PLAN, "s"))
        .contains("PEERWATCH_CLUSTER_SECRET differs");
    assertThat(Admission.refusal(true, "c".repeat(64), "", BUILD, PLAN, "s"))
        .contains("another peerwatch build")
        .contains("cccccccccccc")
        .contains("bbbbbbbbbbbb");
    assertThat(Admission.refusal(true, BUILD, "q".repeat(64), BUILD, PLAN, "audit"))
        .contains("sweep file differs from the coordinator's sweep 'audit'");
  }

  @Test
  void proofsDependOnTheSecretAndEveryPart() {
    Secret a = Secret.from(Map.of(Secret.ENV, "0123456789abcdef"));
    Secret b = Secret.from(Map.of(Secret.ENV, "0123456789abcdeX"));
    assertThat(a.proof("w", "n1")).isEqualTo(a.proof("w", "n1")).hasSize(64);
    assertThat(a.proof("w", "n1")).isNotEqualTo(b.proof("w", "n1"));
    assertThat(a.proof("w", "n1")).isNotEqualTo(a.proof("w", "n2"));
    assertThat(a.toString()).doesNotContain("0123456789");
    byte[] k = a.sessionKey("c", "w");
    double[] v = {0.5, Double.NaN};
    assertThat(Secret.same(Secret.tag(k, 3, v), Secret.tag(k, 3, v.clone()))).isTrue();
    assertThat(Secret.same(Secret.tag(k, 3, v), Secret.tag(k, 4, v))).isFalse();
    assertThat(Secret.same(Secret.tag(k, 3, v), Secret.tag(k, 3, new double[] {0.5, 0.0})))
        .isFalse();
  }

  @Test
  void aRunsTagCoversEveryPartAndTheSessionKey() {
    Secret a = Secret.from(Map.of(Secret.ENV, "0123456789abcdef"));
    byte[] k = a.sessionKey("c", "w");
    String t = Secret.tag(k, 7, 1, 2, 99L, "name: x\n");
    assertThat(Secret.same(t, Secret.tag(k, 7, 1, 2, 99L, "name: x\n"))).isTrue();
    assertThat(t)
        .isNotEqualTo(Secret.tag(k, 8, 1, 2, 99L, "name: x\n"))
        .isNotEqualTo(Secret.tag(k, 7, 2, 2, 99L, "name: x\n"))
        .isNotEqualTo(Secret.tag(k, 7, 1, 3, 99L, "name: x\n"))
        .isNotEqualTo(Secret.tag(k, 7, 1, 2, 98L, "name: x\n"))
        .isNotEqualTo(Secret.tag(k, 7, 1, 2, 99L, "name: y\n"))
        .isNotEqualTo(Secret.tag(k, 7, 1, 2, 99L, null))
        .isNotEqualTo(Secret.tag(a.sessionKey("c", "w2"), 7, 1, 2, 99L, "name: x\n"));
    // No scenario and an empty one are different messages.
    assertThat(Secret.tag(k, 7, 1, 2, 99L, null)).isNotEqualTo(Secret.tag(k, 7, 1, 2, 99L, ""));
  }

  @Test
  void aMissingOrShortSecretIsOneLineNamingTheVariable() {
    assertBad(() -> Secret.from(Map.of()), "PEERWATCH_CLUSTER_SECRET is not set");
    assertBad(
        () -> Secret.from(Map.of(Secret.ENV, "short")),
        "PEERWATCH_CLUSTER_SECRET has 5 characters (allowed: 16 or more");
  }

  @Test
  void addressesParseWithOrWithoutAPort() {
    assertThat(HostPort.parse("10.0.0.5:2552", "--join", 1))
        .isEqualTo(new HostPort("10.0.0.5", 2552));
    assertThat(HostPort.parse("example.org", "--join", 2552).port()).isEqualTo(2552);
    assertThat(HostPort.parse("[::1]:7", "--bind", 0)).isEqualTo(new HostPort("::1", 7));
    assertThat(new HostPort("::1", 7).toString()).isEqualTo("[::1]:7");
    assertBad(
        () -> HostPort.parse("h:99999", "--join", 0),
        "--join 'h:99999': port 99999 is out of range");
    assertBad(() -> HostPort.parse("h:x", "--bind", 0), "--bind 'h:x': 'x' is not a port");
    assertBad(() -> HostPort.parse(":5", "--bind", 0), "the host is empty");
  }

  @Test
  void aWildcardBindAddressIsRefusedSinceNoNodeCouldReachIt() {
    assertBad(
        () -> ClusterConfig.checkBindable(new HostPort("0.0.0.0", 0), "--bind"),
        "--bind 0.0.0.0:0: other nodes cannot reach a wildcard address");
  }

  @Test
  void workerLabelsAreBounded() {
    assertThat(ClusterStatus.label(1)).isEqualTo("w1");
    assertThat(ClusterStatus.label(ClusterStatus.MAX_LABELS)).isEqualTo("w32");
    assertThat(ClusterStatus.label(ClusterStatus.MAX_LABELS + 1)).isEqualTo("other");
    assertThat(ClusterStatus.label(1000)).isEqualTo("other");
  }

  private static void assertBad(Executable e, String message) {
    try {
      e.execute();
    } catch (ConfigException c) {
      assertThat(c.getMessage()).contains(message).doesNotContain("\n");
      return;
    } catch (Throwable t) {
      throw new AssertionError("expected a ConfigException, got " + t, t);
    }
    throw new AssertionError("expected a ConfigException");
  }
}
