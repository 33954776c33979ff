package dev.peerwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a config file can fail to be read is one message with the file, the position where it
 * has one, and what is allowed — never a Java exception's name.
 */
class YamlTreeFileTest {
  @TempDir Path tmp;

  private String message(Path file) {
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> YamlTree.readFile(file, file.getFileName().toString(), "scenario"));
    assertThat(t).isInstanceOf(ConfigException.class);
    String m = t.getMessage();
    assertThat(m).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\n");
    return m;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void aLatin1BytePointsAtItsLineAndColumn() throws IOException {
    // "name: ok\nplace: café": the é is Latin-1 0xE9 on line 2, the 11th character.
    byte[] b = "name: ok\nplace: caf?\n".getBytes(StandardCharsets.US_ASCII);
    b[9 + 10] = (byte) 0xE9;
    assertThat(message(write("l.yaml", b)))
        .isEqualTo("l.yaml:2:11: not UTF-8 text (byte 0xE9; allowed: YAML in UTF-8)");
  }

  @Test
  void utf16IsNamed() throws IOException {
    byte[] b = "name: x\n".getBytes(StandardCharsets.UTF_16);
    assertThat(message(write("u.yaml", b))).startsWith("u.yaml:1:1: the file is UTF-16 text");
  }

  @Test
  void utf16WithoutAMarkIsSeenAsBinary() throws IOException {
    byte[] b = "name: x\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(message(write("u.yaml", b))).startsWith("u.yaml:1:2: a NUL byte");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() throws IOException {
    byte[] text = "name: x\n".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[text.length + 3];
    b[0] = (byte) 0xEF;
    b[1] = (byte) 0xBB;
    b[2] = (byte) 0xBF;
    System.arraycopy(text, 0, b, 3, text.length);
    YamlTree.Node n = YamlTree.readFile(write("b.yaml", b), "b.yaml", "scenario");
    assertThat(n.asMap().require("name").asScalar().asText()).isEqualTo("x");
  }

  @Test
  void aDirectoryIsNamedAsOne() throws IOException {
    Path d = Files.createDirectory(tmp.resolve("d.yaml"));
    assertThat(message(d))
        .isEqualTo("d.yaml: is a directory (allowed: a scenario file, YAML in UTF-8)");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThat(message(tmp.resolve("none.yaml"))).isEqualTo("none.yaml: no such scenario file");
  }

  @Test
  void deepNestingNamesTheLimit() throws IOException {
    String deep = "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    String m = message(write("deep.yaml", deep.getBytes(StandardCharsets.UTF_8)));
    // The root mapping is level 1; the k-th '[' (column 3 + k) opens level k + 1, so the 100th,
    // at column 103, is the first beyond 100 levels.
    assertThat(m).startsWith("deep.yaml:1:103: ").endsWith("(allowed: at most 100)");
  }

  @Test
  void aHundredLevelsAreAllowed() throws IOException {
    String ok = "a: " + "[".repeat(99) + "]".repeat(99) + "\n";
    YamlTree.readFile(write("ok.yaml", ok.getBytes(StandardCharsets.UTF_8)), "ok.yaml", "x");
  }

  @Test
  void malformedYamlKeepsItsPosition() throws IOException {
    String m = message(write("m.yaml", "a: 1\nb: [1, 2\n".getBytes(StandardCharsets.UTF_8)));
    // The list is left open: the parser sees the end just after "b: [1, 2" (8 characters).
    assertThat(m).startsWith("m.yaml:2:9: malformed YAML: ").contains("expected ',' or ']'");
  }

  @Test
  void readingTextOfAMissingFileSaysSo() {
    assertThatThrownBy(() -> ConfigFiles.readText(tmp.resolve("n"), "n", "sweep"))
        .hasMessage("n: no such sweep file");
  }
}
