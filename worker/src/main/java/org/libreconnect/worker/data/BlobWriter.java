package org.libreconnect.worker.data;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a blob to the temporary file's stream; tests replace it with one that fails half-way. */
@FunctionalInterface
interface BlobWriter {

  /** Writes the whole blob. */
  BlobWriter WHOLE_BUFFER = OutputStream::write;

  void write(OutputStream out, byte[] data) throws IOException;
}
