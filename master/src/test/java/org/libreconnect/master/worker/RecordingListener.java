package org.libreconnect.master.worker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a client socket would have received for one request. */
final class RecordingListener implements ReplyListener {
  final List<String> replies = new CopyOnWriteArrayList<>();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  @Override
  public void onReply(String json, boolean last) {
    replies.add(json);
  }

  @Override
  public void onFailure(Throwable failure) {
    failures.add(failure);
  }
}
