package org.libreconnect.protocol.link;

/** Thrown when a link frame is longer than the link accepts. */
public class LinkFrameTooLargeException extends MalformedLinkFrameException {
  public LinkFrameTooLargeException(int length, int max) {
    super("frame of " + length + " bytes exceeds the limit of " + max);
  }
}
