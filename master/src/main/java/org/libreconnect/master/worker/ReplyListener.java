package org.libreconnect.master.worker;

/** Receives what a worker answers to one request. Called on a Netty event-loop thread. */
public interface ReplyListener {
  /**
   * One JS2 frame for the client.
   *
   * @param json the answer or event, ready to send
   * @param last whether the request is over
   */
  void onReply(String json, boolean last);

  /** The request cannot complete: the worker is gone or the link failed. */
  void onFailure(Throwable failure);
}
