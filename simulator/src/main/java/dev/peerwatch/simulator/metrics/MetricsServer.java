package dev.peerwatch.simulator.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.peerwatch.config.ConfigException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The live run's HTTP endpoints: {@code /metrics} (Prometheus text format, or OpenMetrics when the
 * scraper asks for it), {@code /status} (JSON) and {@code /}. It binds to the address it is given —
 * the CLI's default is 127.0.0.1.
 *
 * <p>Pekko HTTP serves it, on a small actor system of its own (so that a scrape never waits for the
 * simulation's dispatcher, nor the other way round): every connection is parsed asynchronously, so
 * a client that sends half a request and keeps the socket open holds nothing but its own
 * connection, which the idle timeout closes. Routing is strict: exactly these three paths answer,
 * any other is 404, and any method but GET and HEAD is 405.
 */
public final class MetricsServer implements AutoCloseable {
  private static final String OPENMETRICS = "application/openmetrics-text";
  private static final ContentType PROMETHEUS_TEXT =
      ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");
  private static final ContentType OPENMETRICS_TEXT =
      ContentTypes.parse("application/openmetrics-text; version=1.0.0; charset=utf-8");

  private final ActorSystem system;
  private final ServerBinding binding;

  private MetricsServer(ActorSystem system, ServerBinding binding) {
    this.system = system;
    this.binding = binding;
  }

  /**
   * The endpoints beyond /metrics: the status JSON, and the points of the live page at {@code /}
   * after a tick ({@code /series?since=T}).
   */
  public record Pages(Supplier<String> status, java.util.function.LongFunction<String> series) {}

  /** The live page and its bundled assets: served from the jar, nothing from elsewhere. */
  private static final Map<String, Asset> ASSETS =
      Map.of(
          "/", Asset.load("web/index.html", ContentTypes.TEXT_HTML_UTF8),
          "/assets/live.js",
              Asset.load("web/live.js", ContentTypes.parse("text/javascript; charset=utf-8")),
          "/assets/uPlot.iife.min.js",
              Asset.load(
                  "web/uPlot.iife.min.js", ContentTypes.parse("text/javascript; charset=utf-8")),
          "/assets/uPlot.min.css",
              Asset.load("web/uPlot.min.css", ContentTypes.parse("text/css; charset=utf-8")));

  private record Asset(ContentType type, byte[] bytes) {
    static Asset load(String resource, ContentType type) {
      try (java.io.InputStream in =
          MetricsServer.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing from the build: " + resource);
        }
        return new Asset(type, in.readAllBytes());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * Starts serving, or fails with a one-line {@link ConfigException} when the address cannot be
   * bound (in use, not local, unknown); {@code option} names the port's option in that message.
   */
  public static MetricsServer start(
      String option, String bind, int port, PrometheusMeterRegistry registry, Pages pages) {
    if (bind.isBlank()) {
      // InetAddress would take "" for the loopback address: say it instead of guessing.
      throw new ConfigException(
          "--bind '"
              + bind
              + "': an empty address (allowed: an IP address or host name of this machine)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ConfigException(
          "--bind "
              + bind
              + ": unknown address (allowed: an IP address or host name of this machine)");
    }
    ActorSystem system = ActorSystem.create("peerwatch-http", config());
    try {
      ServerBinding binding =
          Http.get(system)
              .newServerAt(address.getHostAddress(), port)
              .bind(new Routes(registry, pages).route())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      return new MetricsServer(system, binding);
    } catch (ExecutionException | CompletionException | TimeoutException e) {
      terminate(system);
      throw new ConfigException(
          option
              + " "
              + port
              + " on "
              + bind
              + ": cannot listen there ("
              + reason(e)
              + "; allowed: a free port of an address of this machine)");
    } catch (InterruptedException e) {
      terminate(system);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding", e);
    }
  }

  /** The reason a bind failed, from the innermost socket error ("address already in use"). */
  private static String reason(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException b && b.getMessage() != null) {
        String m = b.getMessage().toLowerCase(Locale.ROOT);
        int paren = m.indexOf(" (");
        return paren > 0 ? m.substring(0, paren) : m;
      }
    }
    return e instanceof TimeoutException ? "no answer from the network stack" : "in use";
  }

  private static Config config() {
    return ConfigFactory.parseString(
            String.join(
                "\n",
                "pekko.actor.default-dispatcher.fork-join-executor {",
                "  parallelism-min = 1, parallelism-max = 2, parallelism-factor = 1.0 }",
                "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
                // Failures reach the user as one line (a bind) or as an HTTP status, never a log.
                "pekko.loglevel = OFF",
                "pekko.stdout-loglevel = OFF",
                "pekko.log-dead-letters = off",
                "pekko.log-dead-letters-during-shutdown = off",
                // The CLI decides when the server stops (after the run's files are written).
                "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
                // A connection that sends nothing for 10 s, or a request not answered in 10 s, is
                // closed; requests are small GETs.
                "pekko.http.server.idle-timeout = 10s",
                "pekko.http.server.request-timeout = 10s",
                "pekko.http.server.bind-timeout = 10s",
                "pekko.http.server.max-connections = 1024",
                "pekko.http.server.parsing.max-content-length = 64k",
                "pekko.http.server.server-header = peerwatch",
                "pekko.http.server.transparent-head-requests = on",
                // Routing reads the path as sent: /status/../metrics is not /metrics.
                "pekko.http.server.raw-request-uri-header = on",
                "pekko.http.server.log-unencrypted-network-bytes = off"))
        .withFallback(ConfigFactory.load());
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return binding.localAddress().getPort();
  }

  @Override
  public void close() {
    try {
      binding.unbind().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The system's termination below closes the socket in any case.
    }
    terminate(system);
  }

  private static void terminate(ActorSystem system) {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Its threads are daemons; the process can end without them.
    }
  }

  /** The routes: three paths, GET (and HEAD) only. */
  private static final class Routes extends AllDirectives {
    private static final java.util.Set<String> PATHS = paths();

    private static java.util.Set<String> paths() {
      java.util.Set<String> p = new java.util.HashSet<>(ASSETS.keySet());
      p.addAll(java.util.List.of("/metrics", "/status", "/series"));
      return java.util.Set.copyOf(p);
    }

    private final PrometheusMeterRegistry registry;
    private final Pages pages;

    Routes(PrometheusMeterRegistry registry, Pages pages) {
      this.registry = registry;
      this.pages = pages;
    }

    Route route() {
      Route known =
          concat(
              path(
                  "metrics",
                  () ->
                      get(
                          () ->
                              optionalHeaderValueByName(
                                  "Accept", accept -> complete(metrics(accept))))),
              path("status", () -> get(() -> complete(json(pages.status().get())))),
              path(
                  "series",
                  () ->
                      get(
                          () ->
                              parameterOptional(
                                  "since",
                                  since -> complete(json(pages.series().apply(since(since))))))),
              pathPrefix(
                  "assets",
                  () -> path(name -> get(() -> complete(asset(ASSETS.get("/assets/" + name)))))),
              pathSingleSlash(() -> get(() -> complete(asset(ASSETS.get("/"))))));
      return headerValueByName(
          "Raw-Request-URI",
          raw -> PATHS.contains(rawPath(raw)) ? known : complete(StatusCodes.NOT_FOUND));
    }

    /** The path of a request target as sent, without its query. */
    private static String rawPath(String target) {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    private HttpResponse metrics(Optional<String> accept) {
      boolean open = accept.map(a -> a.contains(OPENMETRICS)).orElse(false);
      ContentType type = open ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
      String body =
          registry.scrape(
              open
                  ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                  : "text/plain; version=0.0.4; charset=utf-8");
      return HttpResponse.create().withEntity(HttpEntities.create(type, bytes(body)));
    }

    private static HttpResponse asset(Asset a) {
      if (a == null) {
        return HttpResponse.create().withStatus(StatusCodes.NOT_FOUND);
      }
      return HttpResponse.create()
          .withEntity(HttpEntities.create(a.type(), a.bytes()))
          .addHeader(HttpHeader.parse("Cache-Control", "no-cache"));
    }

    /** The {@code since} parameter: a tick, or everything when absent or not a number. */
    private static long since(Optional<String> s) {
      try {
        return s.map(Long::parseLong).orElse(-1L);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static HttpResponse json(String body) {
      return HttpResponse.create()
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, bytes(body)))
          .addHeader(HttpHeader.parse("Cache-Control", "no-store"));
    }

    private static byte[] bytes(String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
