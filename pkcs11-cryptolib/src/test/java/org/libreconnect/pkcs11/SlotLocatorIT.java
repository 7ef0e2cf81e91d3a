package org.libreconnect.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libreconnect.simulation.identity.CpsIdentity;
import org.libreconnect.simulator.pki.TestPki;

/**
 * Two readers, two cards: the locator opens the card of the named reader. The fixture stands in for
 * PC/SC by naming each token after a reader, in slot-list order: the pairing rule for OpenSC-style
 * libraries ({@link SlotRule#SLOT_LIST_INDEX_IS_READER_INDEX}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlotLocatorIT {
  @TempDir static Path work;
  static SoftHsmFixture hsm;
  static List<String> readers;

  @BeforeAll
  static void provision() throws Exception {
    TestPki pki = TestPki.generate();
    hsm = SoftHsmFixture.create(work);
    CpsIdentity first = CpsIdentity.testDoctor();
    CpsIdentity second = first.withPsIdNat("899900063481");
    hsm.provision(hsm.initToken("Lecteur A"), pki.issueCard(first), first, true);
    hsm.provision(hsm.initToken("Lecteur B"), pki.issueCard(second), second, true);
    readers = hsm.labelsInSlotListOrder();
  }

  @Test
  void eachReaderNameOpensItsOwnCard() {
    SlotLocator locator = new SlotLocator(SlotRule.forLibrary(SoftHsmFixture.LIBRARY));

    assertThat(holderIn(locator, "Lecteur A")).isEqualTo("899900063480");
    assertThat(holderIn(locator, "Lecteur B")).isEqualTo("899900063481");
    assertThat(holderIn(locator, "lecteur b ")).isEqualTo("899900063481");
  }

  private static String holderIn(SlotLocator locator, String reader) {
    SlotSelection slot = locator.locate(reader, readers);
    try (CpsToken token = CpsToken.open(Pkcs11Module.load(hsm.settings(slot)))) {
      token.login(SoftHsmFixture.USER_PIN.toCharArray());
      return token.holderData().internalId();
    }
  }
}
