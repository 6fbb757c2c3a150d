package dev.microscope.loadgen;

import java.net.Inet6Address;
import java.net.InetAddress;

/** {@code host:port} strings as the discovery sources produce them. */
final class HostPort {
  private HostPort() {}

  /** Returns {@code target} when it is {@code host:port} with a valid port, else fails. */
  static String check(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got \"" + target + "\"");
    }
    try {
      int port = Integer.parseInt(target.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range in \"" + target + "\"");
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port, got \"" + target + "\"");
    }
    return target;
  }

  /** {@code address:port}, bracketing IPv6 addresses as URLs need. */
  static String of(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
