package dev.peerwatch.simulator.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.peerwatch.config.ConfigException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The live run's HTTP endpoints: {@code /metrics} (Prometheus text format, or OpenMetrics when the
 * scraper asks for it) and {@code /status} (JSON). It binds to the address it is given — the CLI's
 * default is 127.0.0.1 — and serves from one thread of its own.
 */
public final class MetricsServer implements AutoCloseable {
  private static final String OPENMETRICS = "application/openmetrics-text";

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving, or fails with a one-line {@link ConfigException} when the address cannot be
   * bound (in use, not local, unknown).
   */
  public static MetricsServer start(
      String bind, int port, PrometheusMeterRegistry registry, Supplier<String> status) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ConfigException(
          "--bind "
              + bind
              + ": unknown address (allowed: an IP address or host name of this machine)");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 16);
    } catch (BindException e) {
      throw new ConfigException(
          "--port "
              + port
              + " on "
              + bind
              + ": cannot listen there ("
              + (e.getMessage() == null
                  ? "in use"
                  : e.getMessage().toLowerCase(java.util.Locale.ROOT))
              + "; allowed: a free port of an address of this machine)");
    } catch (IOException e) {
      throw new ConfigException(
          "--port " + port + " on " + bind + ": cannot listen there (" + e.getMessage() + ")");
    }
    server.createContext(
        "/metrics",
        x -> {
          String accept = x.getRequestHeaders().getFirst("Accept");
          String type =
              accept != null && accept.contains(OPENMETRICS)
                  ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                  : "text/plain; version=0.0.4; charset=utf-8";
          reply(x, type, registry.scrape(type));
        });
    server.createContext("/status", x -> reply(x, "application/json", status.get()));
    server.createContext(
        "/",
        x -> {
          if (!x.getRequestURI().getPath().equals("/")) {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
          }
          reply(
              x, "text/plain; charset=utf-8", "peerwatch: /metrics (Prometheus), /status (JSON)\n");
        });
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "peerwatch-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    return new MetricsServer(server);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange x, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
