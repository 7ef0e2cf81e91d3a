package org.libreconnect.diagnostics;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The PC/SC readers this computer shows and the ATR of each card present, as text. Runs on its own
 * daemon thread bounded by a deadline: a stuck PC/SC service cannot hold the caller.
 */
public final class ReaderProbe {
  private ReaderProbe() {}

  /** Readers, card presence and each card's ATR (connects to the card in shared mode). */
  public static String describe(Duration deadline) {
    return describe(deadline, true);
  }

  /**
   * Readers and card presence; with {@code atr}, also each card's ATR, which needs a shared
   * connection to the card. Periodic probes leave {@code atr} off so they never touch a card an
   * application is using.
   */
  public static String describe(Duration deadline, boolean atr) {
    CompletableFuture<String> future = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        future.complete(list(atr));
      } catch (RuntimeException | Error e) {
        future.complete("The PC/SC service cannot be reached (" + Messages.brief(e)
            + "): start it (systemctl start pcscd) and check the reader's driver.\n");
      }
    }, "reader-probe");
    thread.setDaemon(true);
    thread.start();
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return "The PC/SC service gave no answer within " + deadline.toMillis() + " ms.\n";
    }
  }

  private static String list(boolean atr) {
    StringBuilder out = new StringBuilder();
    try {
      var terminals = TerminalFactory.getDefault().terminals().list();
      if (terminals.isEmpty()) {
        return "No reader is seen: plug the reader in and check its driver (pcsc_scan lists what PC/SC sees).\n";
      }
      for (CardTerminal terminal : terminals) {
        out.append(terminal.getName()).append(": ");
        if (terminal.isCardPresent() && !atr) {
          out.append("card present");
        } else if (terminal.isCardPresent()) {
          Card card = terminal.connect("*");
          try {
            out.append("card present, ATR ").append(HexFormat.of().withUpperCase()
                .formatHex(card.getATR().getBytes()));
          } finally {
            card.disconnect(false);
          }
        } else {
          out.append("no card");
        }
        out.append('\n');
      }
      return out.toString();
    } catch (javax.smartcardio.CardException e) {
      return out + "No reader is seen (" + Messages.brief(e)
          + "): check that the PC/SC service runs and the reader is plugged in.\n";
    }
  }
}
