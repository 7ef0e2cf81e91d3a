package org.libreconnect.runtime;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A supplier that asks its source on the first {@code get} and keeps the answer: for what a process
 * makes once, when first needed (a simulator, a trust store). A source that throws is asked again
 * next time; one that answers {@code null} too.
 */
public final class Memoized<T> implements Supplier<T> {
  private final Supplier<T> source;
  private T value;

  private Memoized(Supplier<T> source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The memoized form of {@code source}. */
  public static <T> Supplier<T> of(Supplier<T> source) {
    return new Memoized<>(source);
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = source.get();
    }
    return value;
  }
}
