package dev.peerwatch.simulator.replicate.llm;

import dev.peerwatch.config.ConfigException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's price table ({@code --prices FILE}): CSV with the header {@code
 * model,input_usd_per_mtok,output_usd_per_mtok} and one line per model, prices in US dollars per
 * million tokens. Prices change and differ by provider, so peerwatch ships none; without a table,
 * or for a model not in it, {@code total_cost_usd} stays empty. Costs are exact decimals.
 */
public final class Prices {
  static final String HEADER = "model,input_usd_per_mtok,output_usd_per_mtok";
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private record Price(BigDecimal in, BigDecimal out) {}

  private final Map<String, Price> byModel;

  private Prices(Map<String, Price> byModel) {
    this.byModel = byModel;
  }

  /** No prices: every cost is unknown. */
  public static Prices none() {
    return new Prices(Map.of());
  }

  /** Reads a table; errors name the file, the line and what is allowed. */
  public static Prices read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("--prices " + file + ": cannot read it (" + e.getMessage() + ")");
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      throw new ConfigException("--prices " + file + ":1: the first line must be " + HEADER);
    }
    Map<String, Price> m = new TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split(",", -1);
      String where = "--prices " + file + ":" + (i + 1) + ": ";
      if (f.length != 3 || f[0].isBlank()) {
        throw new ConfigException(where + "expected model,input price,output price");
      }
      Price p = new Price(price(f[1], where), price(f[2], where));
      if (m.put(f[0].strip(), p) != null) {
        throw new ConfigException(where + "model " + f[0].strip() + " is listed twice");
      }
    }
    return new Prices(m);
  }

  private static BigDecimal price(String s, String where) {
    try {
      BigDecimal d = new BigDecimal(s.strip());
      if (d.signum() < 0) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          where + "'" + s.strip() + "' is not a price (a number of US dollars, 0 or more)");
    }
  }

  /** The cost of {@code in} + {@code out} tokens of {@code model}, or null when it has no price. */
  public BigDecimal cost(String model, long in, long out) {
    Price p = byModel.get(model);
    if (p == null) {
      return null;
    }
    return p.in()
        .multiply(BigDecimal.valueOf(in))
        .add(p.out().multiply(BigDecimal.valueOf(out)))
        .divide(MILLION, MathContext.DECIMAL128);
  }

  /** Whether {@code model} has a price. */
  public boolean has(String model) {
    return byModel.containsKey(model);
  }
}
