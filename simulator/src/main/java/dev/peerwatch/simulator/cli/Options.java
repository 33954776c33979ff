package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.Sampling;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Profiles;
import java.util.ArrayList;
import java.util.List;

/** Validation of options several commands share. */
final class Options {
  private Options() {}

  static int threads(Integer threads) {
    int t = threads == null ? Math.min(256, Runtime.getRuntime().availableProcessors()) : threads;
    if (t < 1 || t > 256) {
      throw new ConfigException("--threads " + t + " is out of range (allowed: 1 to 256)");
    }
    return t;
  }

  static Sampling sampling(String s) {
    for (Sampling m : Sampling.values()) {
      if (m.id().equals(s)) {
        return m;
      }
    }
    throw new ConfigException("--sampling '" + s + "' is not known (allowed: stratified, iid)");
  }

  /** Expands 'all' into the study's eight profiles. */
  static List<String> profileList(List<String> given) {
    String allowed = "(allowed: names or paths, comma-separated, or 'all')";
    // picocli splits "," into no values at all; an empty run would wait forever for results.
    if (given == null || given.isEmpty()) {
      throw new ConfigException("--profiles names no profile " + allowed);
    }
    List<String> out = new ArrayList<>();
    for (String g : given) {
      String s = g.trim();
      if (s.isEmpty()) {
        throw new ConfigException(
            "--profiles has an empty name (allowed: names or paths, comma-separated, or 'all')");
      }
      if (s.equals("all")) {
        out.addAll(Profiles.STUDY);
      } else {
        out.add(s);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.indexOf(out.get(i)) != i) {
        throw new ConfigException(
            "--profiles names '" + out.get(i) + "' more than once " + allowed);
      }
    }
    return out;
  }
}
