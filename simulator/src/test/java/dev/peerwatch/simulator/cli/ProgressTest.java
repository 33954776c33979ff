package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line's rate and ETA, on a clock the test moves. */
class ProgressTest {
  @Test
  void afterAResumeTheEtaCountsOnlyTheRunsOfThisSession() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong clock = new AtomicLong(0);
    Progress p =
        new Progress(
            "sweep", 200, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, clock::get);
    p.update(100); // kept from before: shown at once, no rate yet
    clock.set(10_000_000_000L);
    p.update(150);
    // 50 runs in 10 s is 5 runs/s; 50 remain, so 10 s. (Counting the 100 kept runs as done in
    // this session would say 15 runs/s and 3 s.)
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "sweep [###############...............] 100/200 0.0s",
            "sweep [######################........] 150/200 10.0s, ETA 10s");
  }
}
