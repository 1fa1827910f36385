package com.consultchat.room.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * How a patient appears to the other patients of a room. A chosen one must look like a name and
 * must not give the person away (their username or display name); a generated one is an adjective,
 * an animal and a number.
 */
public final class Pseudonym {

  public static final int MAX = 40;
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{2,39}");
  private static final String[] ADJECTIVES = {
    "Calm",
    "Bright",
    "Gentle",
    "Brave",
    "Quiet",
    "Kind",
    "Steady",
    "Sunny",
    "Clever",
    "Patient",
    "Hopeful",
    "Swift",
    "Warm",
    "Wise",
    "Cheerful",
    "Curious"
  };
  private static final String[] ANIMALS = {
    "Heron", "Otter", "Fox", "Robin", "Badger", "Lynx", "Owl", "Dolphin", "Hare", "Wren", "Finch",
    "Seal", "Panda", "Koala", "Falcon", "Beaver"
  };
  private static final RandomGenerator RANDOM = new SecureRandom();

  private Pseudonym() {}

  public static String generate() {
    return ADJECTIVES[RANDOM.nextInt(ADJECTIVES.length)]
        + " "
        + ANIMALS[RANDOM.nextInt(ANIMALS.length)]
        + " "
        + (10 + RANDOM.nextInt(90));
  }

  /** The chosen pseudonym, tidied, or a refusal that says what to change. */
  public static String chosen(String raw, String username, String displayName) {
    String name = raw == null ? "" : StorableText.check(raw).strip().replaceAll("\\s+", " ");
    if (!ALLOWED.matcher(name).matches()) {
      throw Refused.invalid("room.pseudonym-form", MAX);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains(username.toLowerCase(Locale.ROOT))
        || lower.equals(displayName.toLowerCase(Locale.ROOT))) {
      throw Refused.invalid("room.pseudonym-not-name");
    }
    return name;
  }
}
