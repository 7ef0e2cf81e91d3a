package org.libreconnect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** protocol knows JSON and nothing else: no Netty, CXF, smart-card or PKCS#11 types. */
class ProtocolPurityTest {
  private static final List<String> FORBIDDEN =
      List.of("javax/smartcardio", "sun/security/pkcs11", "io/netty", "org/apache/cxf", "java/net/Socket");

  @Test
  void compiledClassesReferenceNoForbiddenApi() throws IOException {
    Path classes = Path.of("target", "classes", "org", "libreconnect", "protocol");
    assertThat(classes).isDirectory();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String forbidden : FORBIDDEN) {
        assertThat(constants).as("%s references %s", file, forbidden).doesNotContain(forbidden);
      }
    }
  }
}
