package org.libreconnect.config;

/** Invariant checks for the record constructors; the file's own checks happen in the reader. */
final class Require {

  private Require() {}

  static int between(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }
}
