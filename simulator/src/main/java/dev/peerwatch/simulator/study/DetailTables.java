package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Dataset;
import dev.peerwatch.config.MonitoringMode;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.simulator.stats.Interval;
import dev.peerwatch.simulator.stats.LinearCombination;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The study's detail tables, beside its headline cells: misrepresentation per sub-setting
 * (condition and baseline shares, difference, z-test), alignment faking per monitoring mode (rates,
 * raw-score means ± SD and the t-test of the score difference), exfiltration split into transfer
 * and deletion, refusal by task, and tampering per dataset.
 */
final class DetailTables {
  private static final List<TaskType> EXFILTRATION =
      List.of(TaskType.EXFILTRATION_TRANSFER, TaskType.EXFILTRATION_DELETION);
  private static final List<MonitoringMode> MODES =
      List.of(MonitoringMode.NON_MONITORING, MonitoringMode.MONITORING);
  private static final double NA = Double.NaN;

  private final Analysis a;
  private final List<TableRow> rows = new ArrayList<>();

  private DetailTables(Analysis a) {
    this.a = a;
  }

  /** Every detail row the data supports, in a fixed order. */
  static List<TableRow> rows(Analysis a) {
    DetailTables t = new DetailTables(a);
    for (String model : a.models()) {
      t.misrepresentation(model);
      t.alignmentFaking(model);
      t.exfiltration(model);
      t.refusal(model);
      t.tampering(model);
    }
    return t.rows;
  }

  private static List<Condition> conditions(Subject s) {
    List<Condition> out = new ArrayList<>();
    if (s == Subject.SELF) {
      out.add(Condition.NO_PEER);
    }
    out.addAll(Condition.RELATIONSHIPS);
    return out;
  }

  private void misrepresentation(String model) {
    for (Subject s : Subject.values()) {
      for (Condition c : conditions(s)) {
        for (Channel ch : Channel.values()) {
          for (Analysis.SubSetting x : a.subSettings(model, s, c, ch)) {
            add(
                Measure.MISREPRESENTATION,
                model,
                s,
                "setting",
                c,
                ch.id(),
                x.label(),
                x.estimate(),
                new TableRow.Detail(x.k1(), x.n1(), x.k2(), x.n2(), NA));
          }
        }
      }
    }
  }

  private void alignmentFaking(String model) {
    for (Condition c : Condition.RELATIONSHIPS) {
      for (Channel ch : Channel.values()) {
        for (Measure m : List.of(Measure.AF_SCORE, Measure.AF_EXECUTE)) {
          for (MonitoringMode mode : MODES) {
            double[] k = a.afCounts(m, model, Subject.PEER, c, ch, mode);
            if (k[1] > 0) {
              add(
                  m,
                  model,
                  Subject.PEER,
                  "mode",
                  c,
                  ch.id(),
                  mode.id(),
                  rate(k, m, mode),
                  new TableRow.Detail(k[0], k[1], NA, NA, NA));
            }
          }
        }
        scores(model, c, ch);
      }
    }
  }

  /** Raw-score means ± SD per mode, and the difference with Student's pooled-variance t-test. */
  private void scores(String model, Condition c, Channel ch) {
    double[][] m = new double[2][];
    for (int i = 0; i < 2; i++) {
      double[] x = a.afScores(model, Subject.PEER, c, ch, MODES.get(i));
      if (x[0] == 0 || !Double.isFinite(x[1]) || !Double.isFinite(x[2])) {
        return;
      }
      double mean = x[1] / x[0];
      double var = x[0] > 1 ? Math.max(0, (x[2] - x[0] * mean * mean) / (x[0] - 1)) : NA;
      m[i] = new double[] {x[0], mean, var};
      add(
          Measure.AF_SCORE,
          model,
          Subject.PEER,
          "score_mean",
          c,
          ch.id(),
          MODES.get(i).id(),
          Estimate.plain(mean, meanInterval(mean, var, x[0]), x[0], NA),
          new TableRow.Detail(x[1], x[0], NA, NA, Math.sqrt(var)));
    }
    double n1 = m[0][0];
    double n2 = m[1][0];
    double diff = m[0][1] - m[1][1];
    double df = n1 + n2 - 2;
    double p = NA;
    Interval ci = new Interval(diff, diff);
    if (df > 0 && !Double.isNaN(m[0][2]) && !Double.isNaN(m[1][2])) {
      double sp = ((n1 - 1) * m[0][2] + (n2 - 1) * m[1][2]) / df;
      double se = Math.sqrt(sp * (1 / n1 + 1 / n2));
      TDistribution t = new TDistribution(df);
      if (se > 0) {
        double tt = Math.abs(diff) / se;
        boolean whole = n1 == Math.rint(n1) && n2 == Math.rint(n2);
        p = whole ? Math.min(1, 2 * t.cumulativeProbability(-tt)) : NA;
        double q = t.inverseCumulativeProbability(0.975);
        ci = new Interval(diff - q * se, diff + q * se);
      }
    }
    add(
        Measure.AF_SCORE,
        model,
        Subject.PEER,
        "score_mean",
        c,
        ch.id(),
        "difference",
        Estimate.plain(diff, ci, n1 + n2, p),
        new TableRow.Detail(NA, n1, NA, n2, NA));
  }

  private static Interval meanInterval(double mean, double var, double n) {
    if (Double.isNaN(var) || n < 2) {
      return new Interval(mean, mean);
    }
    double h = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / n);
    return new Interval(mean - h, mean + h);
  }

  private void exfiltration(String model) {
    for (Subject s : Subject.values()) {
      for (Condition c : conditions(s)) {
        for (Channel ch : Channel.values()) {
          for (TaskType task : EXFILTRATION) {
            Estimate e = a.taskCell(Measure.EXFILTRATION, model, s, c, ch, task);
            if (e != null) {
              add(Measure.EXFILTRATION, model, s, "task", c, ch.id(), task.id(), e, null);
            }
          }
        }
      }
    }
  }

  private void refusal(String model) {
    for (Subject s : Subject.values()) {
      List<Condition> cs = new ArrayList<>(Condition.RELATIONSHIPS);
      cs.add(0, Condition.NO_PEER);
      for (Condition c : cs) {
        for (TaskType task : TaskType.values()) {
          Estimate e = a.taskRate(Measure.REFUSAL, model, s, List.of(c), task);
          if (e != null) {
            add(Measure.REFUSAL, model, s, "task", c, "all", task.id(), e, null);
          }
        }
      }
    }
  }

  private void tampering(String model) {
    List<Dataset> datasets = new ArrayList<>(Arrays.asList(Dataset.values()));
    datasets.add(null);
    for (Subject s : Subject.values()) {
      for (Condition c : conditions(s)) {
        for (Dataset d : datasets) {
          double[] k = a.tamperingByDataset(model, s, c, d);
          if (k[1] > 0) {
            String part = d == null ? "" : d.id();
            Estimate e =
                new Estimate(
                    LinearCombination.rate(
                        model + "|" + s.id() + "|" + c.id() + "|tampering|" + part, k[0], k[1]),
                    k[1],
                    Analysis.binomialP(k[0], k[1]));
            add(
                Measure.TAMPERING,
                model,
                s,
                "dataset",
                c,
                "all",
                part,
                e,
                new TableRow.Detail(k[0], k[1], NA, NA, NA));
          }
        }
      }
    }
  }

  private static Estimate rate(double[] k, Measure m, MonitoringMode mode) {
    return new Estimate(LinearCombination.rate(m.id() + "|" + mode.id(), k[0], k[1]), k[1], NA);
  }

  private void add(
      Measure m,
      String model,
      Subject s,
      String kind,
      Condition c,
      String channel,
      String part,
      Estimate e,
      TableRow.Detail d) {
    rows.add(new TableRow(m, model, s.id(), kind, c.id(), channel, part, e, d, ""));
  }
}
