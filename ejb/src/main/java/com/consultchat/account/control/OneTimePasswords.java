package com.consultchat.account.control;

import java.security.SecureRandom;

/**
 * Passwords an administrator reads out or hands over once: four groups of four from an alphabet
 * without look-alikes (no 0/O, 1/l/I), about 80 bits, easy to type from a note.
 */
public final class OneTimePasswords {

  private static final char[] ALPHABET =
      "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY345679".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimePasswords() {}

  public static String next() {
    StringBuilder password = new StringBuilder(19);
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return password.toString();
  }
}
