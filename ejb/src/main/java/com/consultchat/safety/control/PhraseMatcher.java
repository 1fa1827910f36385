package com.consultchat.safety.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds emergency phrases in what people write, the way they write it: any case, accents or none,
 * punctuation anywhere, "can't", "cant" or "cannot", other endings of the same word ("bleeding",
 * "bleeds"), a few words slipped in between ("my chest really hurts" for "chest hurts") and, for
 * two-word phrases, either order ("pain in my chest", "speech is slurred"). A false alarm costs a
 * member of staff a look; a missed emergency costs far more, so the matching leans towards
 * matching.
 */
public final class PhraseMatcher {

  /** How many other words may stand between two words of a phrase. */
  static final int GAP = 3;

  private static final int SHORTEST_STEM = 3;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019`\u00b4]");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Longest first, so "ingly" is taken off before "ly". */
  private static final List<String> SUFFIXES =
      List.of("ingly", "edly", "ness", "ing", "ies", "ed", "es", "al", "ly", "s", "e");

  /** Contractions as written without their apostrophe, and what they stand for. */
  private static final Map<String, List<String>> EXPANSIONS =
      Map.ofEntries(
          Map.entry("cant", List.of("can", "not")),
          Map.entry("cannot", List.of("can", "not")),
          Map.entry("wont", List.of("will", "not")),
          Map.entry("dont", List.of("do", "not")),
          Map.entry("doesnt", List.of("do", "not")),
          Map.entry("didnt", List.of("did", "not")),
          Map.entry("couldnt", List.of("could", "not")),
          Map.entry("isnt", List.of("is", "not")),
          Map.entry("arent", List.of("are", "not")),
          Map.entry("wasnt", List.of("was", "not")),
          Map.entry("havent", List.of("have", "not")),
          Map.entry("wanna", List.of("want", "to")),
          Map.entry("im", List.of("i", "am")),
          Map.entry("ive", List.of("i", "have")));

  private final List<Phrase> phrases;

  /**
   * For each stem, the phrases (by position) a text must contain it to match: a phrase's first
   * word, and a pair's second too (either order matches). A message is compared only with the
   * phrases its own words lead to, not with every phrase of the book, as this runs for every
   * message.
   */
  private final Map<String, BitSet> byLeadingStem = new HashMap<>();

  /** A phrase as an administrator wrote it, and the word stems it is matched by. */
  public record Phrase(long id, String language, String text, List<String> stems) {}

  public PhraseMatcher(List<Phrase> phrases) {
    this.phrases = List.copyOf(phrases);
    for (int i = 0; i < this.phrases.size(); i++) {
      List<String> stems = this.phrases.get(i).stems();
      if (stems.isEmpty()) {
        continue;
      }
      byLeadingStem.computeIfAbsent(stems.get(0), stem -> new BitSet()).set(i);
      if (stems.size() == 2) {
        byLeadingStem.computeIfAbsent(stems.get(1), stem -> new BitSet()).set(i);
      }
    }
  }

  public static Phrase phrase(long id, String language, String text) {
    return new Phrase(id, language, text, stems(text));
  }

  /** The first phrase (in the book's order) found in the text, if any. */
  public Optional<Phrase> find(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    List<String> words = stems(text);
    BitSet candidates = new BitSet();
    for (String word : words) {
      BitSet led = byLeadingStem.get(word);
      if (led != null) {
        candidates.or(led);
      }
    }
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      if (contains(words, phrases.get(i).stems())) {
        return Optional.of(phrases.get(i));
      }
    }
    return Optional.empty();
  }

  /** The text as word stems, lower case, without accents, punctuation or contractions. */
  public static List<String> stems(String text) {
    String unmarked =
        MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    String plain = APOSTROPHES.matcher(unmarked.toLowerCase(Locale.ROOT)).replaceAll("");
    List<String> words = new ArrayList<>();
    for (String token : BETWEEN_WORDS.split(plain)) {
      if (token.isEmpty()) {
        continue;
      }
      List<String> expanded = EXPANSIONS.get(token);
      if (expanded != null) {
        words.addAll(expanded);
      } else if (token.equals("self")
          && !words.isEmpty()
          && words.get(words.size() - 1).equals("my")) {
        words.set(words.size() - 1, "myself");
      } else {
        words.add(stem(token));
      }
    }
    return words;
  }

  /** A light stemmer: one common ending off, never below three letters. */
  static String stem(String word) {
    String stem = word;
    for (String suffix : SUFFIXES) {
      if (word.endsWith(suffix) && word.length() - suffix.length() >= SHORTEST_STEM) {
        stem = word.substring(0, word.length() - suffix.length());
        if (suffix.equals("ies")) {
          stem += "y";
        }
        if ((suffix.equals("ed") || suffix.equals("ing")) && doubled(stem)) {
          stem = stem.substring(0, stem.length() - 1);
        }
        break;
      }
    }
    // "heavily" and "heavy" meet at "heavy".
    return stem.endsWith("i") ? stem.substring(0, stem.length() - 1) + "y" : stem;
  }

  /** "slurr" of "slurred" is "slur"; "kill" and "press" keep their pair. */
  private static boolean doubled(String stem) {
    int n = stem.length();
    if (n < 2 || stem.charAt(n - 1) != stem.charAt(n - 2)) {
      return false;
    }
    return "aeioulsfz".indexOf(stem.charAt(n - 1)) < 0;
  }

  /**
   * Whether the phrase's words appear in order, each at most {@link #GAP} words after the last; a
   * pair of words in either order.
   */
  static boolean contains(List<String> words, List<String> phrase) {
    return inOrder(words, phrase)
        || (phrase.size() == 2 && inOrder(words, List.of(phrase.get(1), phrase.get(0))));
  }

  private static boolean inOrder(List<String> words, List<String> phrase) {
    for (int start = 0; start < words.size(); start++) {
      if (words.get(start).equals(phrase.get(0)) && rest(words, start, phrase, 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean rest(List<String> words, int at, List<String> phrase, int next) {
    if (next == phrase.size()) {
      return true;
    }
    int last = Math.min(words.size() - 1, at + GAP + 1);
    for (int i = at + 1; i <= last; i++) {
      if (words.get(i).equals(phrase.get(next)) && rest(words, i, phrase, next + 1)) {
        return true;
      }
    }
    return false;
  }
}
