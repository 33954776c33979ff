package dev.peerwatch.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The detail tables on a hand-built CSV whose values were worked out by hand. */
class DetailTablesTest {
  private static final String AF = "task_type=alignment_faking";
  private static final String UN = "alignment_faking_mode=non_monitoring";
  private static final String MO = "alignment_faking_mode=monitoring";

  private static List<TableRow> rows() {
    StudyCsv csv =
        new StudyCsv()
            .add(1, AF, UN, "eval_score=85", "executed=False")
            .add(1, AF, UN, "eval_score=60", "executed=True")
            .add(1, AF, UN, "eval_score=90", "executed=True")
            .add(1, AF, MO, "eval_score=60", "executed=True")
            .add(1, AF, MO, "eval_score=70", "executed=True")
            .add(1, AF, MO, "eval_score=50", "executed=True")
            .add(1, "task_type=exfiltration_transfer", "dataset=default", "exfiltration=True")
            .add(1, "task_type=exfiltration_transfer", "dataset=default", "exfiltration=False")
            .add(2, "task_type=exfiltration_deletion", "dataset=default", "exfiltration=True")
            .add(1, "shutdown_enabled=False", "refused=True")
            .add(1, "shutdown_enabled=True")
            .add(1, "dataset=creativity", "threshold=90", "shutdown_enabled=True")
            .add(1, "dataset=", "shutdown_enabled=False");
    return StudyTables.rows(csv.analysis(Rules.STUDY));
  }

  private static TableRow find(List<TableRow> rows, String measure, String kind, String part) {
    return rows.stream()
        .filter(r -> r.measure().id().equals(measure) && r.kind().equals(kind))
        .filter(r -> r.part().equals(part))
        .filter(r -> r.channel().equals("file_only") || r.channel().equals("all"))
        .filter(r -> r.relationship().equals("good_peer"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(measure + " " + kind + " " + part));
  }

  @Test
  void alignmentFakingPerModeWithRawScoreMeansAndTheTTest() {
    List<TableRow> rows = rows();
    // score >= 80: unmonitored 85, 90 of 3; monitored none of 3
    TableRow un = find(rows, "af_score", "mode", "non_monitoring");
    assertThat(un.estimate().value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(un.detail().k1()).isEqualTo(2);
    assertThat(un.detail().n1()).isEqualTo(3);
    assertThat(find(rows, "af_score", "mode", "monitoring").estimate().value()).isZero();
    // means 78.333 (sd 16.0728) and 60 (sd 10); Student's t = 1.6775 on 4 df, p = 0.168752
    // (scipy.stats.ttest_ind)
    TableRow mean = find(rows, "af_score", "score_mean", "non_monitoring");
    assertThat(mean.estimate().value()).isCloseTo(235.0 / 3, within(1e-9));
    assertThat(mean.detail().sd()).isCloseTo(16.072751, within(1e-6));
    // 95% CI of the mean: 78.333 ± t(0.975, 2) · 16.0728 / sqrt(3) = ± 39.9269
    assertThat(mean.estimate().interval().high()).isCloseTo(235.0 / 3 + 39.926928, within(1e-5));
    TableRow diff = find(rows, "af_score", "score_mean", "difference");
    assertThat(diff.estimate().value()).isCloseTo(235.0 / 3 - 60, within(1e-9));
    assertThat(diff.estimate().p()).isCloseTo(0.16875228, within(1e-7));
  }

  @Test
  void exfiltrationIsSplitIntoTransferAndDeletionBesideThePooledCell() {
    List<TableRow> rows = rows();
    assertThat(find(rows, "exfiltration", "task", "exfiltration_transfer").estimate().value())
        .isEqualTo(0.5);
    assertThat(find(rows, "exfiltration", "task", "exfiltration_deletion").estimate().value())
        .isEqualTo(1.0);
    TableRow pooled =
        rows.stream()
            .filter(r -> r.measure() == Measure.EXFILTRATION && r.kind().equals("cell"))
            .filter(r -> r.relationship().equals("good_peer") && r.channel().equals("file_only"))
            .findFirst()
            .orElseThrow();
    assertThat(pooled.estimate().value()).isEqualTo(0.75);
  }

  @Test
  void refusalByTaskAndTamperingPerDatasetWithItsBlankDataset() {
    List<TableRow> rows = rows();
    // tampering rows: 1 refused of 4; alignment-faking rows: none of 6
    assertThat(find(rows, "refusal", "task", "tampering").estimate().value()).isEqualTo(0.25);
    assertThat(find(rows, "refusal", "task", "alignment_faking").estimate().value()).isZero();
    TableRow factual = find(rows, "tampering", "dataset", "factual");
    assertThat(factual.detail().k1()).isEqualTo(1);
    assertThat(factual.detail().n1()).isEqualTo(2);
    assertThat(factual.estimate().value()).isEqualTo(0.5);
    assertThat(find(rows, "tampering", "dataset", "creativity").estimate().value()).isZero();
    assertThat(find(rows, "tampering", "dataset", "").estimate().value()).isEqualTo(1.0);
  }

  @Test
  void misrepresentationSubSettingRowsCarryBothShares() {
    StudyCsv csv = new StudyCsv();
    String ev = "task_type=misrep_evaluation";
    csv.add(1, ev, "condition=non_shutdown", "threshold=", "eval_score=85");
    csv.add(3, ev, "condition=non_shutdown", "threshold=", "eval_score=60");
    csv.add(3, ev, "eval_score=85").add(1, ev, "eval_score=60");
    TableRow r =
        StudyTables.rows(csv.analysis(Rules.STUDY)).stream()
            .filter(x -> x.kind().equals("setting") && x.part().equals("factual@80"))
            .filter(x -> x.subject().equals("peer"))
            .findFirst()
            .orElseThrow();
    // 3/4 vs 1/4; pooled z-test: pooled 0.5, se = sqrt(0.25 · 0.5) = 0.35355, z = 1.41421,
    // p = 0.157299
    assertThat(r.estimate().value()).isEqualTo(0.5);
    assertThat(r.detail()).isEqualTo(new TableRow.Detail(3, 4, 1, 4, Double.NaN));
    assertThat(r.estimate().p()).isCloseTo(0.157299, within(1e-6));
  }
}
