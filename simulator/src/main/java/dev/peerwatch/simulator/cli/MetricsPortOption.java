package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import picocli.CommandLine.Option;

/** {@code --metrics-port} and {@code --bind}, for the batch commands that can export progress. */
final class MetricsPortOption {
  @Option(
      names = "--metrics-port",
      paramLabel = "P",
      description =
          "Also serve a live page at / and /metrics and /status on this port while the command"
              + " runs (progress, the run's meters, the JVM's), on --bind; 0 picks a free port"
              + " (the URL is printed on stderr).")
  Integer metricsPort;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address of --metrics-port (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  /** The port, null when none was asked for; out of range is a ConfigException. */
  Integer port() {
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      throw new ConfigException(
          "--metrics-port " + metricsPort + " is out of range (allowed: 0 to 65535)");
    }
    return metricsPort;
  }
}
