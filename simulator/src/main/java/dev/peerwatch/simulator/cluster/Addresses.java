package dev.peerwatch.simulator.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.pekko.actor.Address;

/** Whether a Pekko address is the node a user named as HOST:PORT (names resolved to addresses). */
final class Addresses {
  private Addresses() {}

  /** True when {@code a} has {@code hp}'s port and a host that resolves to the same address. */
  static boolean same(Address a, HostPort hp) {
    if (hp == null
        || a.host().isEmpty()
        || a.port().isEmpty()
        || (int) a.port().get() != hp.port()) {
      return false;
    }
    String host = a.host().get();
    if (host.equals(hp.host())) {
      return true;
    }
    try {
      return InetAddress.getByName(host).equals(InetAddress.getByName(hp.host()));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
