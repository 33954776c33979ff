package dev.peerwatch.config;

/**
 * A user's input is wrong: a file that cannot be read, a key that is not allowed, a value out of
 * range. The message is one line that says what, where and what is allowed; the CLI prints it as it
 * is and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
