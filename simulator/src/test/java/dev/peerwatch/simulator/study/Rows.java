package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Dataset;
import dev.peerwatch.config.MonitoringMode;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;

/** Hand-made per-trial rows for analysis tests: defaults plus the fields a test sets. */
final class Rows {
  String model = "m";
  TaskType task = TaskType.TAMPERING;
  Subject subject = Subject.PEER;
  Condition condition = Condition.GOOD_PEER;
  Boolean memory = false;
  Boolean prt = false;
  Dataset dataset = Dataset.FACTUAL;
  int threshold = 80;
  MonitoringMode mode = MonitoringMode.NONE;
  Boolean readData = true;
  Boolean fullyIncomplete = false;
  Boolean refused = false;
  double score = Double.NaN;
  Boolean executed = null;
  Boolean shutdownEnabled = null;
  Boolean exfiltration = null;
  String grade = null;

  static Rows of(String model, TaskType task, Subject s, Condition c) {
    Rows r = new Rows();
    r.model = model;
    r.task = task;
    r.subject = s;
    r.condition = c;
    if (task == TaskType.MISREP_FINANCE
        || task == TaskType.EXFILTRATION_TRANSFER
        || task == TaskType.EXFILTRATION_DELETION) {
      r.dataset = Dataset.DEFAULT;
      r.threshold = 0;
    }
    return r;
  }

  Rows memory() {
    memory = true;
    return this;
  }

  Rows prt() {
    prt = true;
    return this;
  }

  Rows bar(Dataset d, int t) {
    dataset = d;
    threshold = t;
    return this;
  }

  Rows score(double s) {
    score = s;
    return this;
  }

  Rows shutdownEnabled(Boolean b) {
    shutdownEnabled = b;
    return this;
  }

  Rows exfiltration(Boolean b) {
    exfiltration = b;
    return this;
  }

  Rows grade(String g) {
    grade = g;
    return this;
  }

  Rows mode(MonitoringMode m) {
    mode = m;
    return this;
  }

  Rows executed(Boolean b) {
    executed = b;
    return this;
  }

  Rows refused(Boolean b) {
    refused = b;
    return this;
  }

  Rows incomplete(Boolean b) {
    fullyIncomplete = b;
    return this;
  }

  StudyRow row() {
    return new StudyRow(
        "t",
        0,
        task,
        memory,
        model,
        "",
        condition,
        subject,
        "",
        dataset,
        mode,
        threshold,
        prt,
        "custom",
        readData,
        fullyIncomplete,
        refused,
        score,
        null,
        executed,
        null,
        shutdownEnabled,
        exfiltration,
        grade,
        null,
        0,
        "");
  }

  /** Adds {@code n} copies of this row to {@code t}. */
  Rows times(int n, Tally t) {
    for (int i = 0; i < n; i++) {
      t.add(row());
    }
    return this;
  }
}
