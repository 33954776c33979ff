package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A run that keeps no per-tick series (a sweep without {@code --timeseries}, {@code bench}'s
 * baseline) has the same measures as one that keeps it; only the series is missing.
 */
class SeriesOffTest {
  @Test
  void withoutTheSeriesEveryMeasureIsTheSameAndTheSeriesIsEmpty() {
    Scenario sc = Scenarios.load(Path.of("../config/scenarios/two-teams.yaml")).withTicks(200);
    Summary kept = OrgRun.batch(sc, true, true);
    Summary none = OrgRun.batch(sc, true, false);
    assertThat(kept.series()).hasSize(200);
    assertThat(none.series()).isEmpty();
    assertThat(none.core()).isEqualTo(kept.core());
    assertThat(none.counts()).isEqualTo(kept.counts());
    assertThat(none.measures().stream().map(r -> r.measure() + r.by() + r.group() + r.value()))
        .containsExactlyElementsOf(
            kept.measures().stream()
                .map(r -> r.measure() + r.by() + r.group() + r.value())
                .toList());
  }
}
