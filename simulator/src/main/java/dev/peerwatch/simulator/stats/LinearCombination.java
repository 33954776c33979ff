package dev.peerwatch.simulator.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable linear combination {@code Σ c_i·p_i} of independent binomial proportions {@code p_i
 * = k_i/n_i}, each identified by a string key, with a MOVER confidence interval.
 *
 * <p>A key stands for one observed proportion. Adding a term whose key is already present with the
 * same {@code k} and {@code n} adds the coefficients, so a baseline proportion shared by several
 * differences is counted once with its total weight (as independence of the terms requires); the
 * same key with a different {@code k} or {@code n} is rejected. Terms whose total coefficient
 * becomes exactly 0 are dropped, and a dropped key no longer takes part in that consistency check.
 * Keys keep their first-insertion order, so every result is deterministic.
 *
 * <p>The interval is the MOVER (method of variance estimates recovery) interval of Zou and Donner
 * (2008), "Construction of confidence limits about effect measures: a general approach", built from
 * the per-term 95% {@link Wilson} limits {@code l_i, u_i}:
 *
 * <pre>{@code
 * L = Σc_i p_i − sqrt( Σ_{c_i>0} c_i²(p_i − l_i)² + Σ_{c_i<0} c_i²(u_i − p_i)² )
 * U = Σc_i p_i + sqrt( Σ_{c_i>0} c_i²(u_i − p_i)² + Σ_{c_i<0} c_i²(p_i − l_i)² )
 * }</pre>
 *
 * <p>For a single term with coefficient 1 this is the Wilson interval; for {@code p_1 − p_2} it is
 * Newcombe's hybrid score interval (Newcombe 1998, "Interval estimation for the difference between
 * independent proportions", method 10).
 */
public final class LinearCombination {

  private static final LinearCombination EMPTY = new LinearCombination(new LinkedHashMap<>());

  private final Map<String, Term> terms;

  private LinearCombination(LinkedHashMap<String, Term> terms) {
    this.terms = Collections.unmodifiableMap(terms);
  }

  /**
   * Returns the empty combination, whose value is 0 and whose interval is {@code [0, 0]}.
   *
   * @return the empty combination
   */
  public static LinearCombination empty() {
    return EMPTY;
  }

  /**
   * Returns the combination {@code 1·(k/n)}, whose interval is the Wilson interval of {@code k} out
   * of {@code n}.
   *
   * @param key the key identifying the proportion
   * @param k the number of successes, possibly fractional; {@code 0 <= k <= n}
   * @param n the number of trials, possibly fractional; {@code n > 0}
   * @return the single-term combination
   * @throws IllegalArgumentException if the counts are invalid (see {@link Wilson#interval})
   * @throws NullPointerException if {@code key} is null
   */
  public static LinearCombination rate(String key, double k, double n) {
    return empty().plus(key, 1.0, k, n);
  }

  /**
   * Returns the combination {@code k1/n1 − k2/n2}, whose interval is Newcombe's hybrid score
   * interval. If both keys are equal and name the same counts the terms cancel and the result is
   * empty.
   *
   * @param key1 the key of the first proportion
   * @param k1 the successes of the first proportion; {@code 0 <= k1 <= n1}
   * @param n1 the trials of the first proportion; {@code n1 > 0}
   * @param key2 the key of the second proportion
   * @param k2 the successes of the second proportion; {@code 0 <= k2 <= n2}
   * @param n2 the trials of the second proportion; {@code n2 > 0}
   * @return the difference
   * @throws IllegalArgumentException if the counts are invalid, or if {@code key1} equals {@code
   *     key2} with different counts
   * @throws NullPointerException if a key is null
   */
  public static LinearCombination difference(
      String key1, double k1, double n1, String key2, double k2, double n2) {
    return empty().plus(key1, 1.0, k1, n1).plus(key2, -1.0, k2, n2);
  }

  /**
   * Returns the average {@code (1/m)·Σ parts} of {@code m} combinations, merging shared keys by the
   * rules of {@link #plus}.
   *
   * @param parts the combinations to average; must not be empty
   * @return the mean combination
   * @throws IllegalArgumentException if {@code parts} is empty, or if two parts use one key with
   *     different counts
   * @throws NullPointerException if {@code parts} or one of its elements is null
   */
  public static LinearCombination mean(List<LinearCombination> parts) {
    Objects.requireNonNull(parts, "parts");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("mean of no combinations");
    }
    LinkedHashMap<String, Term> sum = new LinkedHashMap<>();
    for (LinearCombination part : parts) {
      Objects.requireNonNull(part, "part");
      for (Term term : part.terms.values()) {
        merge(sum, term.key(), term.coef(), term.k(), term.n());
      }
    }
    return new LinearCombination(sum).scaled(1.0 / parts.size());
  }

  /**
   * Returns this combination plus {@code coef·(k/n)}. If {@code key} is already present with the
   * same {@code k} and {@code n} (compared exactly), the coefficients are added; if the total is
   * exactly 0 the term is dropped. The counts are validated even when the coefficient is 0.
   *
   * @param key the key identifying the proportion
   * @param coef the coefficient, finite
   * @param k the number of successes, possibly fractional; {@code 0 <= k <= n}
   * @param n the number of trials, possibly fractional; {@code n > 0}
   * @return a new combination; this one is unchanged
   * @throws IllegalArgumentException if the counts are invalid, {@code coef} is not finite, or
   *     {@code key} is present with a different {@code k} or {@code n}
   * @throws NullPointerException if {@code key} is null
   */
  public LinearCombination plus(String key, double coef, double k, double n) {
    LinkedHashMap<String, Term> copy = new LinkedHashMap<>(terms);
    merge(copy, key, coef, k, n);
    return new LinearCombination(copy);
  }

  /**
   * Returns the sum of this combination and {@code other}, merging shared keys by the rules of
   * {@link #plus}. Keys of this combination come first, then new keys of {@code other} in their
   * order.
   *
   * @param other the combination to add
   * @return a new combination; neither operand is changed
   * @throws IllegalArgumentException if a key is present in both with different counts
   * @throws NullPointerException if {@code other} is null
   */
  public LinearCombination add(LinearCombination other) {
    Objects.requireNonNull(other, "other");
    LinkedHashMap<String, Term> copy = new LinkedHashMap<>(terms);
    for (Term term : other.terms.values()) {
      merge(copy, term.key(), term.coef(), term.k(), term.n());
    }
    return new LinearCombination(copy);
  }

  /**
   * Returns this combination with every coefficient multiplied by {@code factor}. A factor of 0
   * gives the empty combination.
   *
   * @param factor the finite scale factor
   * @return a new combination; this one is unchanged
   * @throws IllegalArgumentException if {@code factor} is NaN or infinite
   */
  public LinearCombination scaled(double factor) {
    if (!Double.isFinite(factor)) {
      throw new IllegalArgumentException("factor must be finite: " + factor);
    }
    LinkedHashMap<String, Term> copy = new LinkedHashMap<>();
    for (Term term : terms.values()) {
      double coef = term.coef() * factor;
      if (coef != 0.0) {
        copy.put(term.key(), new Term(term.key(), coef, term.k(), term.n()));
      }
    }
    return new LinearCombination(copy);
  }

  /**
   * Returns the point estimate {@code Σ c_i·k_i/n_i}; 0 for the empty combination.
   *
   * @return the value of the combination
   */
  public double value() {
    double value = 0.0;
    for (Term term : terms.values()) {
      value += term.coef() * term.proportion();
    }
    return value;
  }

  /**
   * Returns the 95% MOVER confidence interval described in the class documentation. The limits are
   * not clamped, since a combination may range beyond {@code [0, 1]}. The empty combination gives
   * {@code [0, 0]}.
   *
   * @return the interval, which always contains {@link #value()}
   */
  public Interval interval() {
    double value = 0.0;
    double lowerVariance = 0.0;
    double upperVariance = 0.0;
    for (Term term : terms.values()) {
      double p = term.proportion();
      Interval wilson = Wilson.interval(term.k(), term.n());
      double below = term.coef() * (p - wilson.low());
      double above = term.coef() * (wilson.high() - p);
      value += term.coef() * p;
      if (term.coef() > 0) {
        lowerVariance += below * below;
        upperVariance += above * above;
      } else {
        lowerVariance += above * above;
        upperVariance += below * below;
      }
    }
    return new Interval(value - Math.sqrt(lowerVariance), value + Math.sqrt(upperVariance));
  }

  /**
   * Returns the number of terms, that is of distinct keys with a non-zero coefficient.
   *
   * @return the number of terms
   */
  public int size() {
    return terms.size();
  }

  /**
   * Tells whether this combination has no terms.
   *
   * @return {@code true} if {@link #size()} is 0
   */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /**
   * Returns a readable form such as {@code "1.0·a(3.0/10.0) - 0.5·b(2.0/8.0)"}, listing terms in
   * key order, or {@code "0"} when empty.
   *
   * @return the textual form
   */
  @Override
  public String toString() {
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder text = new StringBuilder();
    for (Term term : terms.values()) {
      if (text.length() > 0) {
        text.append(term.coef() < 0 ? " - " : " + ");
      } else if (term.coef() < 0) {
        text.append('-');
      }
      text.append(Math.abs(term.coef()))
          .append('·')
          .append(term.key())
          .append('(')
          .append(term.k())
          .append('/')
          .append(term.n())
          .append(')');
    }
    return text.toString();
  }

  private static void merge(
      LinkedHashMap<String, Term> terms, String key, double coef, double k, double n) {
    Objects.requireNonNull(key, "key");
    Wilson.checkCounts(k, n);
    if (!Double.isFinite(coef)) {
      throw new IllegalArgumentException("coefficient must be finite: " + coef);
    }
    Term existing = terms.get(key);
    if (existing == null) {
      if (coef != 0.0) {
        terms.put(key, new Term(key, coef, k, n));
      }
      return;
    }
    if (existing.k() != k || existing.n() != n) {
      throw new IllegalArgumentException(
          "key "
              + key
              + " already used with k="
              + existing.k()
              + ", n="
              + existing.n()
              + "; got k="
              + k
              + ", n="
              + n);
    }
    double total = existing.coef() + coef;
    if (total == 0.0) {
      terms.remove(key);
    } else {
      terms.put(key, new Term(key, total, k, n));
    }
  }

  private record Term(String key, double coef, double k, double n) {
    double proportion() {
      return k / n;
    }
  }
}
