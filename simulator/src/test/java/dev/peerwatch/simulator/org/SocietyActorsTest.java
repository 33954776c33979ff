package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.AgentActor;
import dev.peerwatch.agents.actor.AgentProtocol;
import dev.peerwatch.agents.actor.AgentProtocol.Evidence;
import dev.peerwatch.agents.actor.AgentProtocol.PhaseDone;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.monitors.Filed;
import dev.peerwatch.monitors.actor.MonitorActor;
import dev.peerwatch.monitors.actor.Overseer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every agent is its own actor, and they talk by messages: the society of a small organisation has
 * one actor per agent (the operations agent included) beside the overseer and the auditors, and a
 * worker's evidence reaches its monitor, whose report reaches the overseer.
 */
class SocietyActorsTest {
  private static final ActorTestKit kit = ActorTestKit.create();
  @TempDir static Path tmp;

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static Scenario scenario() throws IOException {
    Path f = tmp.resolve("small.yaml");
    Files.writeString(
        f,
        """
        name: small
        description: seven workers, two monitors and an operations agent
        ticks: 1000
        teams:
          - name: a
            members:
              - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.5}
              - {profile: gpt-5.2, role: monitor, count: 1, failure_rate: 0.0}
          - name: b
            members:
              - {profile: gemini-3-flash, role: worker, count: 3, failure_rate: 0.5}
              - {profile: gpt-5.2, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        executor: operations
        operations: {profile: gemini-3-flash}
        """);
    return Scenarios.load(f);
  }

  private static boolean exists(String path) {
    try {
      kit.system()
          .classicSystem()
          .actorSelection(path)
          .resolveOne(Duration.ofSeconds(5))
          .toCompletableFuture()
          .join();
      return true;
    } catch (java.util.concurrent.CompletionException e) {
      return false;
    }
  }

  @Test
  void anOrganisationOfTenAgentsSpawnsTenAgentActorsAnOverseerAndAuditors() throws IOException {
    Scenario sc = scenario();
    Organisation org = new Organisation(sc);
    World w = new World(org, false, 1, LedgerLevel.NONE, null, false, true, Minds.profiles());
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Long> done = new CompletableFuture<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Clock.Listener first = (world, tick, last) -> started.complete(null);
    // Paced at 5 ticks a second, the run is alive while its actors are counted.
    ActorRef<Clock.Command> clock =
        kit.spawn(
            Clock.create(
                w,
                sc.ticks(),
                new AtomicLong(),
                done,
                new Clock.Options(5, stop, first, null, false)),
            "society");
    started.join();
    String root = clock.path().toStringWithoutAddress() + "/";
    Set<String> names = new HashSet<>();
    for (int a = 0; a <= org.n; a++) {
      names.add(exists(root + "agent-" + a) ? "agent-" + a : "missing");
    }
    assertThat(org.n).isEqualTo(10);
    assertThat(names).hasSize(11).contains("agent-0", "agent-9", "missing");
    assertThat(exists(root + "overseer")).isTrue();
    assertThat(exists(root + "auditor")).isTrue();
    stop.set(true);
    assertThat(done.join()).isLessThan(sc.ticks());
  }

  /** The factual world of {@code sc}, no ledger, profile minds: its cores, for single actors. */
  private static World world(Scenario sc) {
    return new World(
        new Organisation(sc), false, 1, LedgerLevel.NONE, null, false, true, Minds.profiles());
  }

  @Test
  void evidenceFlowsFromWorkerToMonitorAndReportsToTheOverseer() throws IOException {
    Scenario sc = scenario();
    World w = world(sc);
    TestProbe<Evidence> evaluator = kit.createTestProbe();
    TestProbe<PhaseDone> clock = kit.createTestProbe();
    TestProbe<Overseer.Command> overseer = kit.createTestProbe();

    ActorRef<AgentProtocol.Command> worker = kit.spawn(AgentActor.create(w.cores[0]));
    worker.tell(new AgentProtocol.Assign(new int[] {4}, List.of(evaluator.ref())));
    worker.tell(new AgentProtocol.Work(1, clock.ref()));
    Evidence e = evaluator.expectMessageClass(Evidence.class);
    assertThat(e.agent()).isZero();
    assertThat(e.slot()).isZero();
    assertThat(clock.receiveMessage().participant()).isZero();

    ActorRef<AgentProtocol.Command> monitor =
        kit.spawn(MonitorActor.create(w.cores[4], overseer.ref()));
    Evidence failing = new Evidence(1, 0, 0, new Mind.TaskOutcome(true));
    monitor.tell(failing);
    monitor.tell(new AgentProtocol.Evaluate(1, clock.ref()));
    Overseer.Reports r = (Overseer.Reports) overseer.receiveMessage();
    Filed f = r.reports().get(0);
    assertThat(f.monitor()).isEqualTo(4);
    assertThat(f.agent()).isZero();
    assertThat(f.truthFail()).isTrue();
    assertThat(f.trust()).isEqualTo(sc.trust().start());
    assertThat(clock.receiveMessage().participant()).isEqualTo(4);
  }

  @Test
  void workForHumanReviewIsHandedInWithTheWorkersAnswerToTheClock() throws IOException {
    World w = world(scenario());
    TestProbe<Evidence> evaluator = kit.createTestProbe();
    TestProbe<PhaseDone> clock = kit.createTestProbe();

    // slot 0 and slot 2: humans; slot 1: monitor 4
    ActorRef<AgentProtocol.Command> worker = kit.spawn(AgentActor.create(w.cores[0]));
    worker.tell(
        new AgentProtocol.Assign(
            new int[] {-1, 4, -1}, java.util.Arrays.asList(null, evaluator.ref(), null)));
    worker.tell(new AgentProtocol.Work(1, clock.ref()));
    PhaseDone done = clock.receiveMessage();
    assertThat(done.participant()).isZero();
    // evidence is told before the answer to the clock, so by now all of it is in the queue
    Evidence e = evaluator.expectMessageClass(Evidence.class);
    assertThat(e.slot()).isEqualTo(1);
    evaluator.expectNoMessage(java.time.Duration.ZERO);
    // one entry per human slot, in slot order, each with the outcome the monitor was sent
    int f = e.outcome().failed() ? 1 : 0;
    assertThat(done.forHumans()).containsExactly(0 << 1 | f, 2 << 1 | f);
    assertThat(PhaseDone.slot(done.forHumans()[1])).isEqualTo(2);
    assertThat(PhaseDone.failed(done.forHumans()[1])).isEqualTo(e.outcome().failed());
  }
}
