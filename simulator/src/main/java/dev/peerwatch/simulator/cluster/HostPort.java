package dev.peerwatch.simulator.cluster;

import dev.peerwatch.config.ConfigException;

/**
 * A host and a port as given on the command line: {@code HOST:PORT}, {@code HOST} alone (the
 * default port), or {@code [IPv6]:PORT}.
 *
 * @param host a name or an address, without brackets
 * @param port 0 to 65535; 0 lets the system pick a free port
 */
public record HostPort(String host, int port) {

  /** Parses {@code text}, given as {@code option}; a missing port is {@code defaultPort}. */
  public static HostPort parse(String text, String option, int defaultPort) {
    String t = text.trim();
    String host = t;
    String port = null;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw bad(option, text, "an IPv6 address needs a closing ]");
      }
      host = t.substring(1, close);
      String rest = t.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw bad(option, text, "expected :PORT after the address");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = t.lastIndexOf(':');
      if (colon >= 0 && t.indexOf(':') == colon) {
        host = t.substring(0, colon);
        port = t.substring(colon + 1);
      }
    }
    if (host.isEmpty()) {
      throw bad(option, text, "the host is empty");
    }
    int p = defaultPort;
    if (port != null) {
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw bad(option, text, "'" + port + "' is not a port");
      }
      if (p < 0 || p > 65535) {
        throw bad(option, text, "port " + p + " is out of range");
      }
    }
    return new HostPort(host, p);
  }

  private static ConfigException bad(String option, String text, String why) {
    return new ConfigException(
        option + " '" + text + "': " + why + " (allowed: HOST:PORT, port 0 to 65535)");
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
