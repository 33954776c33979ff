package dev.peerwatch.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoints over real sockets: strict routing, methods, and a client that holds a half-sent
 * request open while another scrapes.
 */
class MetricsServerTest {
  private PrometheusMeterRegistry registry;
  private MetricsServer server;

  @BeforeEach
  void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("peerwatch.test.events").description("test").register(registry).increment(3);
    server =
        MetricsServer.start(
            "--port",
            "127.0.0.1",
            0,
            registry,
            new MetricsServer.Pages(
                () -> "{\"state\":\"running\"}\n", since -> "{\"since\":" + since + "}\n"));
  }

  @AfterEach
  void stop() {
    server.close();
    registry.close();
  }

  @Test
  void theThreePathsAnswerGet() throws IOException {
    String metrics = request("GET", "/metrics");
    assertThat(metrics).startsWith("HTTP/1.1 200").contains("peerwatch_test_events_total 3.0");
    assertThat(request("GET", "/status")).startsWith("HTTP/1.1 200").endsWith("running\"}\n");
    assertThat(request("GET", "/"))
        .startsWith("HTTP/1.1 200")
        .contains("Content-Type: text/html")
        .contains("<script src=\"assets/live.js\"></script>");
    assertThat(request("GET", "/series?since=42"))
        .startsWith("HTTP/1.1 200")
        .endsWith("{\"since\":42}\n");
    assertThat(request("GET", "/series")).endsWith("{\"since\":-1}\n");
    assertThat(request("GET", "/assets/uPlot.iife.min.js"))
        .startsWith("HTTP/1.1 200")
        .contains("uPlot");
    assertThat(request("GET", "/assets/uPlot.min.css")).startsWith("HTTP/1.1 200");
  }

  @Test
  void openMetricsIsServedWhenAsked() throws IOException {
    String r =
        rawRequest(
            "GET /metrics HTTP/1.1\r\nHost: x\r\nAccept: "
                + "application/openmetrics-text\r\nConnection: close\r\n\r\n");
    assertThat(r).contains("application/openmetrics-text").contains("# EOF");
  }

  @Test
  void unknownPathsAre404() throws IOException {
    for (String p :
        new String[] {
          "/metricsX",
          "/status/../metrics",
          "/metrics/",
          "/x",
          "/status.json",
          "/assets/nope.js",
          "/assets/../metrics",
          "/assets/",
          "/assets/live.js/x"
        }) {
      assertThat(request("GET", p)).as(p).startsWith("HTTP/1.1 404");
    }
  }

  @Test
  void otherMethodsAre405() throws IOException {
    for (String m : new String[] {"POST", "PUT", "DELETE", "TRACE", "OPTIONS"}) {
      assertThat(request(m, "/metrics")).as(m).startsWith("HTTP/1.1 405");
      assertThat(request(m, "/status")).as(m).startsWith("HTTP/1.1 405");
    }
    assertThat(request("HEAD", "/metrics")).startsWith("HTTP/1.1 200");
  }

  @Test
  void aHalfSentRequestDoesNotDelayAnotherClient() throws IOException {
    request("GET", "/metrics"); // warm the server's code paths
    try (Socket stuck = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream o = stuck.getOutputStream();
      o.write(
          "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAcc".getBytes(StandardCharsets.US_ASCII));
      o.flush();
      long[] millis = new long[5];
      for (int i = 0; i < millis.length; i++) {
        long t0 = System.nanoTime();
        assertThat(request("GET", "/metrics")).startsWith("HTTP/1.1 200");
        millis[i] = (System.nanoTime() - t0) / 1_000_000;
      }
      Arrays.sort(millis);
      assertThat(millis[millis.length / 2]).as("median ms of 5 scrapes").isLessThanOrEqualTo(100);
      assertThat(stuck.isClosed()).isFalse();
    }
  }

  private String request(String method, String path) throws IOException {
    return rawRequest(
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  /** Sends {@code text} as it is (no normalisation of the path) and reads the whole answer. */
  private String rawRequest(String text) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      StringBuilder b = new StringBuilder();
      BufferedReader r =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf)) >= 0; ) {
        b.append(buf, 0, n);
      }
      return b.toString();
    }
  }
}
