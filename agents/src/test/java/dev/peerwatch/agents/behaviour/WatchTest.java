package dev.peerwatch.agents.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WatchTest {
  @Test
  void aLearnedBeliefIsThePosteriorMeanOfHowOftenReportsAreAudited() {
    // prior 0.2 worth 5 reports, then 5 of 10 reports audited: (0.2*5 + 5) / 15
    assertThat(Watch.learned(0.2, 5, 5, 10)).isCloseTo(0.4, within(1e-12));
    assertThat(Watch.learned(0.2, 5, 0, 0)).isEqualTo(0.2);
    assertThat(Watch.learned(0.3, 0, 0, 0)).isEqualTo(0.3);
  }

  @Test
  void aScheduleAnnouncesTheFirstTicksOfEveryPeriod() {
    var w =
        new dev.peerwatch.config.scenario.Watched(
            dev.peerwatch.config.scenario.WatchMode.SCHEDULE, 0, 100, 10);
    assertThat(Watch.announced(w, 1, 0.9)).isTrue();
    assertThat(Watch.announced(w, 10, 0.9)).isTrue();
    assertThat(Watch.announced(w, 11, 0.0)).isFalse();
    assertThat(Watch.announced(w, 101, 0.9)).isTrue();
    var p =
        new dev.peerwatch.config.scenario.Watched(
            dev.peerwatch.config.scenario.WatchMode.PROBABILITY, 0.3, 0, 0);
    assertThat(Watch.announced(p, 5, 0.29)).isTrue();
    assertThat(Watch.announced(p, 5, 0.31)).isFalse();
  }

  @Test
  void anAnnouncedAuditIsBeingWatchedAndSilenceIsNotBeingTold() {
    assertThat(Watch.on(true, true, 0.1)).isEqualTo(Watch.WATCHED);
    assertThat(Watch.on(false, true, 0.1)).isEqualTo(Watch.NOT_TOLD);
    assertThat(Watch.on(false, false, 0.1)).isEqualTo(new Watch(true, 0.1));
  }
}
