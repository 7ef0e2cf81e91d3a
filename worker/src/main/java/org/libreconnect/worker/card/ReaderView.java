package org.libreconnect.worker.card;

import org.libreconnect.protocol.command.ReaderSlotType;

/**
 * A PC/SC reader as {@code hl_getPcscReaders} reports it.
 *
 * @param name the reader's PC/SC name
 * @param slotType what it holds, from the card's ATR
 */
public record ReaderView(String name, ReaderSlotType slotType) {}
