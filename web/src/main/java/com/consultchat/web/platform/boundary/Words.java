package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every text the pages, the browser client and the documents show, per language. The words come
 * from {@code Text.properties} (English) and {@code Text_de.properties}; a course site's vocabulary
 * ({@code Course*.properties}, while the setting is on) and the site's own folder of words override
 * them, in that order.
 */
@ApplicationScoped
public class Words {

  static final String TEXT = "com/consultchat/web/platform/Text";
  static final String COURSE = "com/consultchat/web/platform/Course";

  /** Keys the browser client needs start with this; only they are written into every page. */
  public static final String CLIENT_PREFIX = "js.";

  private static final Logger LOG = Logger.getLogger(Words.class.getName());

  /** What the bundles' keys look like: dotted lower-case words, never a sentence. */
  static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9_.-]{1,120}");

  @Inject Settings settings;

  /** A language's words for a clinic and for a course site, each built once. */
  private record Edition(Locale language, boolean courseSite) {}

  private final Map<Edition, Map<String, String>> editions = new ConcurrentHashMap<>();
  private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();
  private BooleanSupplier courseSite;
  private Optional<Path> siteWords;

  @PostConstruct
  void configure() {
    configure(settings::courseSite, settings.wordsDirectory().map(Path::of));
  }

  /** The course-site switch is asked at every use: an administrator may turn it at run time. */
  void configure(BooleanSupplier courseSite, Optional<Path> siteWords) {
    this.courseSite = courseSite;
    this.siteWords = siteWords;
    editions.clear();
  }

  /** The text of a key; a missing key shows as {@code ???key???} and is logged once. */
  public String get(Locale locale, String key) {
    String text = all(locale).get(key);
    if (text == null) {
      // Never the key itself: keys are built from code and enum names, but nothing stops a caller
      // passing what a person wrote. The page shows the key and the bundle test names it. One that
      // is not shaped like a key is not remembered, so such text cannot fill the memory either.
      if (!KEY_SHAPE.matcher(key).matches() || reportedMissing.add(key)) {
        LOG.warning(
            () -> "A key has no text in " + locale.toLanguageTag() + " (shown on the page)");
      }
      return "???" + key + "???";
    }
    return text;
  }

  /** The text of a key with its {@code {0}}, {@code {1}}… filled in, numbers in the language. */
  public String format(Locale locale, String key, Object... arguments) {
    String pattern = get(locale, key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  /**
   * A refusal in words: its message is a key under {@code refused.}; a message that is not (yet) a
   * key is shown as it is.
   */
  public String refusal(Locale locale, Refused refused) {
    String key = "refused." + refused.getMessage();
    return all(locale).containsKey(key)
        ? format(locale, key, refused.arguments())
        : String.valueOf(refused.getMessage());
  }

  /** Every key of a language, overrides applied. */
  public Map<String, String> all(Locale locale) {
    Locale language = Languages.of(locale.toLanguageTag()).orElse(Locale.ENGLISH);
    return editions.computeIfAbsent(new Edition(language, courseSite.getAsBoolean()), this::load);
  }

  private Map<String, String> load(Edition edition) {
    Locale locale = edition.language();
    Map<String, String> words = new LinkedHashMap<>();
    layer(words, TEXT, locale);
    if (edition.courseSite()) {
      layer(words, COURSE, locale);
    }
    siteWords.ifPresent(folder -> siteLayer(words, folder, locale));
    return Collections.unmodifiableMap(words);
  }

  /** The English file, then the language's own file over it: a language may leave a key out. */
  private static void layer(Map<String, String> words, String base, Locale locale) {
    put(words, base + ".properties", true);
    if (!locale.getLanguage().equals("en")) {
      put(words, base + "_" + locale.getLanguage() + ".properties", false);
    }
  }

  private static void put(Map<String, String> words, String resource, boolean required) {
    InputStream in = Words.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      if (required) {
        throw new IllegalStateException("Missing " + resource);
      }
      return;
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      read(words, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every key of a properties file over the ones already there. */
  private static void read(Map<String, String> words, Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    properties.stringPropertyNames().forEach(key -> words.put(key, properties.getProperty(key)));
  }

  /** The site's own words: {@code words.properties} in English, {@code words_de.properties}… */
  private static void siteLayer(Map<String, String> words, Path folder, Locale locale) {
    String language = locale.getLanguage();
    Path file =
        folder.resolve(
            language.equals("en") ? "words.properties" : "words_" + language + ".properties");
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read(words, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the site's words in " + file, e);
    }
  }
}
