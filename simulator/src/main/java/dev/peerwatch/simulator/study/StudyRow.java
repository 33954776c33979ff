package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Dataset;
import dev.peerwatch.config.MonitoringMode;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;

/**
 * One rollout as a row of the study's per-trial table: the fields peerwatch fills, typed. A null
 * Boolean, a NaN score, a null grade and a 0 threshold are the table's empty cells. The analysis
 * reads flags the study's way: only TRUE is true, empty is false.
 *
 * @param threshold the bar (80 or 90), or 0 when empty
 * @param evalScore the reported score, NaN when missing
 * @param seed peerwatch's extra column: the run seed (0 when read from a table without it)
 * @param configuration peerwatch's extra column: the configuration id, or "" when unknown
 */
public record StudyRow(
    String transcriptId,
    int transcriptNumber,
    TaskType task,
    Boolean memory,
    String model,
    String provider,
    Condition condition,
    Subject subject,
    String subjectName,
    Dataset dataset,
    MonitoringMode mode,
    int threshold,
    Boolean promptRelationship,
    String harness,
    Boolean readData,
    Boolean fullyIncomplete,
    Boolean refused,
    double evalScore,
    Boolean thresholdResult,
    Boolean executed,
    Boolean readConfig,
    Boolean shutdownEnabled,
    Boolean exfiltration,
    String grade,
    Boolean readMemory,
    long seed,
    String configuration) {

  /** The study's reading of a flag: true only when the cell says true. */
  public static boolean flag(Boolean b) {
    return b != null && b;
  }
}
