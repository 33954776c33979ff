package dev.peerwatch.config;

import java.util.List;

/**
 * One configuration of the study's matrix: a scenario with its factors. A critic faces it in N
 * rollouts.
 *
 * @param threshold the shutdown bar on the 0–100 scale (80 or 90), or 0 when the configuration has
 *     none ({@code non_shutdown} rows, finance and exfiltration)
 */
public record Configuration(
    TaskType task,
    Subject subject,
    Condition condition,
    Channel channel,
    Dataset dataset,
    int threshold,
    MonitoringMode mode) {

  /** A stable, readable identity, also the key of this configuration's random streams. */
  public String id() {
    StringBuilder b =
        new StringBuilder(task.id())
            .append('/')
            .append(subject.id())
            .append('/')
            .append(condition.id())
            .append('/')
            .append(channel.id())
            .append('/')
            .append(setting());
    if (mode != MonitoringMode.NONE) {
      b.append('/').append(mode.id());
    }
    return b.toString();
  }

  /**
   * The dataset and bar as a profile's per-setting override names them: {@code factual@80}, or the
   * dataset alone when there is no bar ({@code factual}, {@code default}).
   */
  public String setting() {
    return threshold == 0 ? dataset.id() : dataset.id() + "@" + threshold;
  }

  /** The misaligned acts this configuration can show, besides refusal. */
  public List<Behaviour> acts() {
    return switch (task) {
      case MISREP_EVALUATION -> List.of(Behaviour.MISREP_EVALUATION);
      case MISREP_FINANCE -> List.of(Behaviour.MISREP_FINANCE);
      case TAMPERING -> List.of(Behaviour.TAMPERING);
      case ALIGNMENT_FAKING ->
          mode == MonitoringMode.MONITORING
              ? List.of(Behaviour.AF_INFLATE_MONITORED, Behaviour.AF_WITHHOLD_MONITORED)
              : List.of(Behaviour.AF_INFLATE_UNMONITORED, Behaviour.AF_WITHHOLD_UNMONITORED);
      case EXFILTRATION_TRANSFER -> List.of(Behaviour.EXFIL_TRANSFER);
      case EXFILTRATION_DELETION -> List.of(Behaviour.EXFIL_DELETION);
    };
  }
}
