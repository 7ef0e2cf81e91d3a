package org.libreconnect.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A step of the distribution's build, not of the installed product: each signed jar copied into
 * the distribution (Bouncy Castle's three) is checked against its signature, every entry read
 * and found signed, then rewritten without the signature and with the main section of its
 * manifest only. A JVM that loads a class from a signed jar keeps one manifest entry per class
 * of the jar on its heap and checks digests as it reads them: about 4 MB of every worker's heap
 * and part of its start, paid again by each worker (ADR 0028). A jar that fails its check stops
 * the build and is left as it was.
 *
 * <pre>java org.libreconnect.installer.UnsignedJars DIRECTORY...</pre>
 */
public final class UnsignedJars {
  private static final Pattern SIGNATURE_FILE =
      Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

  private UnsignedJars() {}

  public static void main(String[] args) throws IOException {
    for (String directory : args) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(directory), "*.jar")) {
        for (Path jar : jars) {
          if (isSigned(jar)) {
            int entries = verify(jar);
            strip(jar);
            System.out.println("unsigned-jars: " + jar.getFileName() + " (" + entries + " signed entries checked)");
          }
        }
      }
    }
  }

  /** Whether {@code jar} carries a signature file. */
  static boolean isSigned(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      return file.stream().anyMatch(entry -> isSignatureFile(entry.getName()));
    }
  }

  /**
   * Reads every entry of {@code jar} through the JDK's verification and requires each one
   * (directories and {@code META-INF/} files aside) to be signed.
   *
   * @return how many signed entries were checked
   * @throws SecurityException when a digest does not match or an entry is not signed
   */
  static int verify(Path jar) throws IOException {
    int checked = 0;
    byte[] buffer = new byte[16 * 1024];
    try (JarFile file = new JarFile(jar.toFile(), true)) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        try (InputStream in = file.getInputStream(entry)) {
          while (in.read(buffer) != -1) {
            // reading to the end is what makes the JDK check the entry's digest
          }
        }
        if (entry.isDirectory() || entry.getName().toUpperCase(Locale.ROOT).startsWith("META-INF/")) {
          continue;
        }
        if (entry.getCodeSigners() == null) {
          throw new SecurityException(jar.getFileName() + ": an entry is not signed");
        }
        checked++;
      }
    }
    return checked;
  }

  /**
   * Rewrites {@code jar} without its signature files and with the main section of its manifest
   * only (which keeps {@code Multi-Release}, {@code Automatic-Module-Name} and the OSGi headers);
   * entries keep their order, bytes and dates. The new file replaces the old one at once.
   */
  static void strip(Path jar) throws IOException {
    Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
    try (JarFile file = new JarFile(jar.toFile(), false);
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (isSignatureFile(entry.getName())) {
          continue;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
          Manifest main = new Manifest();
          main.getMainAttributes().putAll(file.getManifest().getMainAttributes());
          main.write(out);
        } else {
          try (InputStream in = file.getInputStream(entry)) {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean isSignatureFile(String name) {
    return SIGNATURE_FILE.matcher(name).matches();
  }
}
