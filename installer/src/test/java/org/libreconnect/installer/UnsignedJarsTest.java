package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's build step on the real signed jar the distribution carries (Bouncy Castle's provider). */
class UnsignedJarsTest {
  private static final String PROVIDER_CLASS = "org/bouncycastle/jce/provider/BouncyCastleProvider.class";

  @TempDir Path folder;

  static Path signedJar() throws URISyntaxException {
    return Path.of(BouncyCastleProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void theSignedJarIsCheckedThenRewrittenWithoutSignatureAndWithItsMainAttributes() throws Exception {
    Path jar = Files.copy(signedJar(), folder.resolve("bcprov.jar"));
    assertThat(UnsignedJars.isSigned(jar)).isTrue();
    List<String> before = names(jar);
    byte[] providerBefore = read(jar, PROVIDER_CLASS);

    UnsignedJars.main(new String[] {folder.toString()});

    assertThat(UnsignedJars.isSigned(jar)).isFalse();
    List<String> after = names(jar);
    assertThat(after).noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
    assertThat(after).containsExactlyElementsOf(
        before.stream().filter(name -> !name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList());
    assertThat(read(jar, PROVIDER_CLASS)).isEqualTo(providerBefore);
    try (JarFile file = new JarFile(jar.toFile(), true)) {
      assertThat(file.getManifest().getEntries()).as("per-entry digests").isEmpty();
      assertThat(file.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
      assertThat(file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("bcprov");
      assertThat(file.isMultiRelease()).isTrue();
    }
    assertThat(Files.list(folder)).containsExactly(jar);
  }

  @Test
  void unsignedJarsAreLeftAlone() throws Exception {
    Path plain = folder.resolve("plain.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(plain))) {
      out.putNextEntry(new ZipEntry("a/B.class"));
      out.write(new byte[] {1, 2, 3});
      out.closeEntry();
    }
    byte[] bytes = Files.readAllBytes(plain);
    UnsignedJars.main(new String[] {folder.toString()});
    assertThat(Files.readAllBytes(plain)).isEqualTo(bytes);
  }

  @Test
  void aJarWhoseClassNoLongerMatchesItsSignatureStopsTheBuildAndIsLeftAsItWas() throws Exception {
    Path tampered = folder.resolve("tampered.jar");
    try (JarFile file = new JarFile(signedJar().toFile(), false);
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = file.getInputStream(entry)) {
          byte[] bytes = in.readAllBytes();
          if (entry.getName().equals(PROVIDER_CLASS)) {
            bytes[bytes.length - 1] ^= 1;
          }
          out.write(bytes);
        }
        out.closeEntry();
      }
    }
    byte[] bytes = Files.readAllBytes(tampered);
    assertThatThrownBy(() -> UnsignedJars.main(new String[] {folder.toString()}))
        .isInstanceOf(SecurityException.class);
    assertThat(Files.readAllBytes(tampered)).isEqualTo(bytes);
    assertThat(Files.list(folder)).containsExactly(tampered);
  }

  private static List<String> names(Path jar) throws Exception {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }

  private static byte[] read(Path jar, String name) throws Exception {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      try (InputStream in = file.getInputStream(file.getEntry(name))) {
        return in.readAllBytes();
      }
    }
  }
}
