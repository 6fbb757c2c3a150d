package dev.microscope.loadgen;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Security;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --targets-dns name:port}: every address of a name (a headless Service has one per ready
 * pod), resolved anew on each call.
 */
public final class DnsTargets implements TargetSource {
  static {
    // The JDK caches positive lookups for 30 s by default; pods come and go faster than that.
    Security.setProperty("networkaddress.cache.ttl", "5");
    Security.setProperty("networkaddress.cache.negative.ttl", "1");
  }

  private final String name;
  private final int port;
  private volatile List<String> last = List.of();

  public DnsTargets(String name, int port) {
    this.name = name;
    this.port = port;
  }

  /** Parses {@code name:port}. */
  public static DnsTargets parse(String text) {
    HostPort.check(text);
    int colon = text.lastIndexOf(':');
    return new DnsTargets(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
  }

  /** The current addresses; a failed lookup keeps the last answer (DNS hiccups are not churn). */
  @Override
  public List<String> hostPorts() {
    try {
      last =
          Arrays.stream(InetAddress.getAllByName(name))
              .map(address -> HostPort.of(address, port))
              .distinct()
              .toList();
    } catch (UnknownHostException e) {
      // keep the last answer
    }
    return last;
  }
}
