package org.libreconnect.protocol.link;

/** Thrown when bytes on the master-worker link do not form a valid frame. */
public class MalformedLinkFrameException extends RuntimeException {
  public MalformedLinkFrameException(String message) {
    super("Malformed link frame: " + message);
  }
}
