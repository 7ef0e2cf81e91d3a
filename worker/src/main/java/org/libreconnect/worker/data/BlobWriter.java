package org.libreconnect.worker.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Writes a whole buffer to a file channel; tests replace it with one that fails half-way. */
@FunctionalInterface
interface BlobWriter {

  /** Loops until the buffer is written, as one {@code write} call may write only part of it. */
  BlobWriter WHOLE_BUFFER =
      (channel, data) -> {
        while (data.hasRemaining()) {
          channel.write(data);
        }
      };

  void write(FileChannel channel, ByteBuffer data) throws IOException;
}
