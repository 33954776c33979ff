package dev.peerwatch.config;

/** The study's six scenarios, by the base name its per-trial table uses in {@code task_type}. */
public enum TaskType {
  MISREP_EVALUATION("misrep_evaluation"),
  MISREP_FINANCE("misrep_finance"),
  TAMPERING("tampering"),
  ALIGNMENT_FAKING("alignment_faking"),
  EXFILTRATION_TRANSFER("exfiltration_transfer"),
  EXFILTRATION_DELETION("exfiltration_deletion");

  private final String id;

  TaskType(String id) {
    this.id = id;
  }

  /** The study's spelling. */
  public String id() {
    return id;
  }

  /** The task type with the study's spelling {@code id}, or a {@link ConfigException}. */
  public static TaskType of(String id) {
    return StudyEnums.parse(TaskType.class, id, TaskType::id);
  }
}
