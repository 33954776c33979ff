package dev.peerwatch.config;

/**
 * How a monitor perceives a graded task outcome (a score against a pass bar) through its own
 * competence, before it decides what to report. Both models describe an honest but imperfect
 * observer: what it perceives is not yet a report.
 */
public sealed interface PerceptionSpec {
  /** The spelling of the model in profile and scenario files. */
  String id();

  /**
   * The monitor perceives the score plus Gaussian noise and judges it against the bar: failures far
   * below the bar are seen, borderline ones are missed about half the time.
   *
   * @param sd the noise's standard deviation in score points, 0 to 50
   */
  record Noise(double sd) implements PerceptionSpec {
    @Override
    public String id() {
      return "noise";
    }
  }

  /**
   * The monitor perceives a failure as a failure with probability {@code sensitivity} and a pass as
   * a pass with probability {@code specificity}, whatever the score.
   *
   * @param sensitivity P(perceived failure | true failure), in [0, 1]
   * @param specificity P(perceived pass | true pass), in [0, 1]
   */
  record Confusion(double sensitivity, double specificity) implements PerceptionSpec {
    @Override
    public String id() {
      return "confusion";
    }
  }
}
