package org.libreconnect.protocol.command;

/** Input of commands that take nothing besides the envelope. */
public record NoInput() {}
