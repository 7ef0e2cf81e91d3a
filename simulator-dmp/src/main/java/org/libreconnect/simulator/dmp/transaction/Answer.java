package org.libreconnect.simulator.dmp.transaction;

import java.util.List;
import java.util.Objects;
import org.libreconnect.simulator.dmp.soap.Attachment;
import org.w3c.dom.Element;

/**
 * What a handler answers: the body root, the MTOM parts it references and a short result for
 * the log (never content).
 *
 * @param body the answer's body root
 * @param attachments the parts its {@code xop:Include} elements point to
 * @param result a short outcome for the log, such as {@code "OK"} or {@code "NF"}
 */
public record Answer(Element body, List<Attachment> attachments, String result) {

  public Answer {
    Objects.requireNonNull(body, "body");
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(result, "result");
  }

  /** An answer without attachments. */
  public static Answer of(Element body, String result) {
    return new Answer(body, List.of(), result);
  }
}
