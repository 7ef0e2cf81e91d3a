package org.libreconnect.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-environment DMP roots: shipped IGC-Santé production chain, imported roots, never mixed. */
class DmpTrustStoreTest {
  /** SHA-256 of the shipped production root, as recorded in src/main/resources/dmp/roots/README.md. */
  private static final String PRODUCTION_ROOT_SHA256 =
      "2d9e22ca19f777c6b745257c723ecb8df3c35fa6f1f6ec36b83600c97346967f";

  @TempDir Path home;

  @Test
  void productionTrustsTheShippedRootWhoseFingerprintIsTheRecordedOne() throws Exception {
    List<X509Certificate> roots = certificates(DmpTrustStore.load(DmpUrls.Environment.PRODUCTION,
        home.resolve("dmp-roots"), List.of()));

    assertThat(roots).singleElement().satisfies(root -> {
      assertThat(root.getSubjectX500Principal().getName()).contains("CN=AC RACINE IGC-SANTE ELEMENTAIRE");
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded())))
          .isEqualTo(PRODUCTION_ROOT_SHA256);
    });
    String readme = new String(DmpTrustStore.class.getResourceAsStream("/dmp/roots/README.md").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(readme.toLowerCase(Locale.ROOT).replace(":", "")).contains(PRODUCTION_ROOT_SHA256);
  }

  /** SHA-256 of the shipped test chain (root, then intermediate), as recorded in the README. */
  private static final List<String> TEST_CHAIN_SHA256 = List.of(
      "01325aeb193871eec90fa89556804e4185cb362e0ca87a3d79939c71186da805",
      "dc528e3788691b3f7950164076f95b02c64334c68662bdede5750b4e0e5338f6");

  @Test
  void trainingTrustsTheShippedTestChainWhoseFingerprintsAreTheRecordedOnes() throws Exception {
    List<X509Certificate> roots = certificates(DmpTrustStore.load(DmpUrls.Environment.TRAINING,
        home.resolve("dmp-roots"), List.of()));

    assertThat(roots).extracting(root -> root.getSubjectX500Principal().getName()).containsExactlyInAnyOrder(
        "CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE,OU=IGC-SANTE TEST,OU=0002 187512751,O=ASIP-SANTE,C=FR",
        "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,OU=0002 187512751,O=ASIP-SANTE,C=FR");
    List<String> fingerprints = new ArrayList<>();
    for (X509Certificate root : roots) {
      fingerprints.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded())));
    }
    assertThat(fingerprints).containsExactlyInAnyOrderElementsOf(TEST_CHAIN_SHA256);
    String readme = new String(DmpTrustStore.class.getResourceAsStream("/dmp/roots/README.md").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).replace(":", "");
    assertThat(readme).contains(TEST_CHAIN_SHA256.get(0)).contains(TEST_CHAIN_SHA256.get(1));
  }

  @Test
  void aProductionRootIsNeverTrustedForTrainingNorForAnotherServer() throws Exception {
    assertThat(certificates(DmpTrustStore.load(DmpUrls.Environment.TRAINING, home.resolve("dmp-roots"), List.of())))
        .noneMatch(root -> root.getSubjectX500Principal().getName().startsWith("CN=AC RACINE"));
    assertThat(certificates(DmpTrustStore.load(DmpUrls.Environment.PRODUCTION, home.resolve("dmp-roots"),
        List.of()))).noneMatch(root -> root.getSubjectX500Principal().getName().contains("TEST"));
    assertThat(certificates(DmpTrustStore.load(DmpUrls.Environment.OTHER, home.resolve("dmp-roots"), List.of())))
        .isEmpty();
  }

  @Test
  void importedRootsCountForTheirEnvironmentOnlyAndTopLevelOnesForAll() throws Exception {
    Path roots = home.resolve("dmp-roots");
    Files.createDirectories(roots.resolve("training"));
    byte[] pem = DmpTrustStore.class.getResourceAsStream("/dmp/roots/production/ac-racine-igc-sante-elementaire.pem")
        .readAllBytes();
    Files.write(roots.resolve("training").resolve("test-root.pem"), pem);

    assertThat(certificates(DmpTrustStore.load(DmpUrls.Environment.TRAINING, roots, List.of()))).hasSize(3);
    assertThat(certificates(DmpTrustStore.load(DmpUrls.Environment.OTHER, roots, List.of()))).isEmpty();

    Files.write(roots.resolve("own-server.pem"), pem);
    assertThat(certificates(DmpTrustStore.load(DmpUrls.Environment.OTHER, roots, List.of()))).hasSize(1);
    assertThat(certificates(DmpTrustStore.load(DmpUrls.Environment.TRAINING, roots, List.of()))).hasSize(4);
  }

  @Test
  void theEnvironmentComesFromTheHost() {
    assertThat(DmpUrls.resolve("", null).environment()).isEqualTo(DmpUrls.Environment.PRODUCTION);
    assertThat(DmpUrls.resolve("formation4", null).environment()).isEqualTo(DmpUrls.Environment.TRAINING);
    assertThat(DmpUrls.resolve("https://dmp.example/s", null).environment()).isEqualTo(DmpUrls.Environment.OTHER);
  }

  private static List<X509Certificate> certificates(KeyStore store) throws Exception {
    List<X509Certificate> found = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      found.add((X509Certificate) store.getCertificate(alias));
    }
    return found;
  }
}
