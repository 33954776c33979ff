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
  void anAnnouncedAuditIsBeingWatchedAndSilenceIsNotBeingTold() {
    assertThat(Watch.on(true, true, 0.1)).isEqualTo(Watch.WATCHED);
    assertThat(Watch.on(false, true, 0.1)).isEqualTo(Watch.NOT_TOLD);
    assertThat(Watch.on(false, false, 0.1)).isEqualTo(new Watch(true, 0.1));
  }
}
