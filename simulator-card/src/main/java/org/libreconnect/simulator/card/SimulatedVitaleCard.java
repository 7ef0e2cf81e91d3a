package org.libreconnect.simulator.card;

import com.licel.jcardsim.utils.AIDUtil;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A simulated Vitale card: two {@link VitaleApplet} instances (the root application {@code
 * MF_VITALE} and the application {@code VITALE}) in one jCardSim card with a Vitale 2 ATR, holding
 * beneficiaries written by {@link VitaleCardFiles}. Put it in an {@link InProcessReader} or connect
 * it to pcscd with a {@link VpcdCardConnection}, like the CPS card.
 */
public final class SimulatedVitaleCard implements CardChip {
  /** Production, test or demonstration card (JS2 VitaleStatus 3, 4, 5). */
  public enum Kind {
    PRODUCTION,
    TEST,
    DEMO
  }

  /**
   * The ATR: a Vitale 2 card's as listed by pcsc-tools' smartcard_list.txt ({@code 3B 75 13 00 00
   * xx 09 xA 90 00}).
   */
  public static final String ATR_HEX = "3B751300004709EA9000";

  /** An ATR that no card family matches, for unreadable-card tests. */
  public static final String UNKNOWN_ATR_HEX = "3B0211A5";

  static final byte[] AID_ROOT = HexFormat.of().parseHex("D2500000024D465F564954414C45");
  static final byte[] AID_VITALE = HexFormat.of().parseHex("D250000002564954414C45");

  /** The first valid day written on simulated cards. */
  static final LocalDate VALID_FROM = LocalDate.of(2024, 1, 2);

  private static final int WRITE_CHUNK = 200;

  private final CpsCardSimulator simulator;
  private Object holder;

  private SimulatedVitaleCard(byte[] atr, byte[] identityFile, byte[] nirFile) {
    simulator = new CpsCardSimulator(atr);
    simulator.installApplet(AIDUtil.create(AID_ROOT), VitaleApplet.class);
    simulator.installApplet(AIDUtil.create(AID_VITALE), VitaleApplet.class);
    write(AID_ROOT, identityFile);
    write(AID_VITALE, nirFile);
    simulator.reset();
  }

  /** A card of {@code kind} holding {@code holders}. */
  public static SimulatedVitaleCard create(Kind kind, List<VitaleHolder> holders) {
    if (holders.isEmpty()) {
      throw new IllegalArgumentException("a Vitale card holds at least one beneficiary");
    }
    return new SimulatedVitaleCard(
        HexFormat.of().parseHex(ATR_HEX),
        VitaleCardFiles.identity(holders),
        VitaleCardFiles.nirs(holders, kind, VALID_FROM));
  }

  /** The test card of the test family (VitaleStatus 4). */
  public static SimulatedVitaleCard testCard() {
    return create(Kind.TEST, VitaleHolder.testFamily());
  }

  /** The demonstration card of the test family (VitaleStatus 5). */
  public static SimulatedVitaleCard demoCard() {
    return create(Kind.DEMO, VitaleHolder.testFamily());
  }

  /**
   * A card with this ATR and these raw files, for tests of damaged cards (truncated or garbled
   * files, an unknown ATR).
   */
  public static SimulatedVitaleCard withFiles(String atrHex, byte[] identityFile, byte[] nirFile) {
    return new SimulatedVitaleCard(HexFormat.of().parseHex(atrHex), identityFile, nirFile);
  }

  /** The files of a card of {@code kind} holding {@code holders}: identity file, NIR file. */
  public static List<byte[]> files(Kind kind, List<VitaleHolder> holders) {
    return List.of(VitaleCardFiles.identity(holders), VitaleCardFiles.nirs(holders, kind, VALID_FROM));
  }

  @Override
  public byte[] atr() {
    return simulator.getATR();
  }

  @Override
  public synchronized byte[] transmit(byte[] command) {
    return simulator.transmitCommand(command);
  }

  @Override
  public synchronized void reset() {
    simulator.reset();
  }

  @Override
  public synchronized void claim(Object reader) {
    if (holder != null && holder != reader) {
      throw new IllegalStateException("the card is already in " + holder);
    }
    holder = reader;
  }

  @Override
  public synchronized void release(Object reader) {
    if (holder == reader) {
      holder = null;
    }
  }

  /** A reader in this JVM named {@code readerName}, alone, empty until {@code insert()}. */
  public InProcessReader inProcessReader(String readerName) {
    return InProcessReader.alone(readerName, this);
  }

  /** A connection to the vpcd port at {@code address}, not connected until {@code insert()}. */
  public VpcdCardConnection vpcdConnection(InetSocketAddress address) {
    return new VpcdCardConnection(this, address);
  }

  private void write(byte[] aid, byte[] content) {
    byte[] select = new byte[5 + aid.length];
    select[1] = (byte) 0xA4;
    select[2] = 0x04;
    select[4] = (byte) aid.length;
    System.arraycopy(aid, 0, select, 5, aid.length);
    check(simulator.transmitCommand(select), "select");
    for (int offset = 0; offset < content.length; offset += WRITE_CHUNK) {
      int count = Math.min(WRITE_CHUNK, content.length - offset);
      byte[] write = new byte[5 + count];
      write[0] = (byte) 0x80;
      write[1] = (byte) 0xD6;
      write[2] = (byte) (offset >> 8);
      write[3] = (byte) offset;
      write[4] = (byte) count;
      System.arraycopy(content, offset, write, 5, count);
      check(simulator.transmitCommand(write), "write");
    }
    check(simulator.transmitCommand(new byte[] {(byte) 0x80, (byte) 0xE0, 0, 0}), "freeze");
  }

  private static void check(byte[] response, String step) {
    int n = response.length;
    if (n < 2 || response[n - 2] != (byte) 0x90 || response[n - 1] != 0) {
      throw new CardPersonalisationException(
          "Vitale card " + step + " refused: " + HexFormat.of().formatHex(Arrays.copyOfRange(response, Math.max(0, n - 2), n)));
    }
  }
}
