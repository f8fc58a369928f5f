package dev.iotctl.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Generates key pairs for devices and certificate authorities. */
public final class KeyPairs {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyPairs() {}

  /** A fresh key pair of the given type. */
  public static KeyPair generate(KeyType type) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type.keyAlgorithm());
      switch (type) {
        case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        case RSA_2048 -> generator.initialize(2048, RANDOM);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + type + " key pair", e);
    }
  }
}
