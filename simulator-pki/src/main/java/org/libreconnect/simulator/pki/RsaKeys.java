package org.libreconnect.simulator.pki;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;

/** Generates RSA key pairs with public exponent 65537. */
final class RsaKeys {
  private final SecureRandom random;

  RsaKeys(SecureRandom random) {
    this.random = random;
  }

  KeyPair generate(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
      throw new PkiGenerationException("cannot generate an RSA-" + bits + " key pair", e);
    }
  }
}
