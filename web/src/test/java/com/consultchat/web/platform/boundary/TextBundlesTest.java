package com.consultchat.web.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Every language has every text, every text a page or the client asks for exists, and no page,
 * script or view shows words of its own instead of asking the bundles for them.
 */
class TextBundlesTest {

  private static final Path BUNDLES = Path.of("src/main/resources/com/consultchat/web/platform");
  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Path WEB_JAVA = Path.of("src/main/java");
  private static final Path EJB_JAVA = Path.of("../ejb/src/main/java");
  private static final List<String> LANGUAGES = List.of("de");

  /** The clinic's words, which a course site's vocabulary must replace wherever they appear. */
  private static final Map<String, Pattern> CLINIC_WORDS =
      Map.of(
          "en",
          Pattern.compile(
              "\\b(patients?|specialists?|specialt(?:y|ies)|consultations?|clinics?)\\b",
              Pattern.CASE_INSENSITIVE),
          "de",
          Pattern.compile(
              "\\b(Patient\\w*|Fachperson\\w*|Fachgebiet\\w*|Beratung\\w*|Praxis\\w*|Klinik\\w*)"));

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
  private static final Pattern EL = Pattern.compile("#\\{[^}]*}");
  private static final Pattern EL_LITERAL = Pattern.compile("'([^']*)'");
  private static final Pattern PAGE_KEY = Pattern.compile("text\\['([^']+)'\\]");
  private static final Pattern CLIENT_KEY = Pattern.compile("\\bt\\(\\s*'([^']+)'");
  private static final Pattern JAVA_KEY =
      Pattern.compile(
          "\\b(?:text|words)\\.(?:format|get)\\((?:\\s*[\\w.()]+,)?\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
  private static final Pattern REFUSAL =
      Pattern.compile("Refused\\.(?:invalid|notFound|forbidden|conflict)\\(\\s*\"([^\"]*)\"");
  private static final Pattern JAVA_WORDS =
      Pattern.compile("(?:Feedback\\.(?:info|error)\\(|new FacesMessage\\([^,;]*,)\\s*\"[^\"]*");
  private static final Pattern JS_LITERAL =
      Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"|`([^`]*)`");
  private static final Pattern SENTENCE = Pattern.compile("(^|[.!?:] )[A-Z][a-z’]+[ ,]+[a-zA-Z]");
  private static final Set<String> TEXT_ATTRIBUTES =
      Set.of(
          "value",
          "title",
          "placeholder",
          "label",
          "alt",
          "aria-label",
          "header",
          "emptyMessage",
          "requiredMessage",
          "validatorMessage",
          "converterMessage",
          "itemLabel",
          "noSelectionLabel",
          "summary",
          "headerText",
          "footerText",
          "message",
          "itemDescription",
          "data-label",
          "data-confirm");
  private static final Set<String> BRAND = Set.of("ConsultChat");

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
    for (String base : List.of("Text", "Course")) {
      Map<String, String> english = bundle(base + ".properties");
      for (String language : LANGUAGES) {
        Map<String, String> other = bundle(base + "_" + language + ".properties");
        assertThat(other.keySet())
            .as("keys of %s_%s against English", base, language)
            .containsExactlyInAnyOrderElementsOf(english.keySet());
        for (var entry : english.entrySet()) {
          assertThat(placeholders(other.get(entry.getKey())))
              .as("placeholders of %s in %s", entry.getKey(), language)
              .isEqualTo(placeholders(entry.getValue()));
        }
      }
    }
    assertThat(bundle("Text.properties").keySet())
        .as("a course site only changes texts that exist")
        .containsAll(bundle("Course.properties").keySet());
  }

  @Test
  void bundlesStayPlainForEveryReader() throws IOException {
    try (Stream<Path> files = Files.list(BUNDLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
          // The client's test loader reads the files line by line; MessageFormat eats straight
          // quotes.
          assertThat(line).as("%s: no continued lines", file).doesNotEndWith("\\");
          assertThat(line)
              .as("%s: characters as they are, not escaped", file)
              .doesNotContain("\\u");
          if (!line.startsWith("#") && line.contains("=")) {
            assertThat(line.substring(line.indexOf('=')))
                .as("%s: a typographic apostrophe (’), not a straight one", file)
                .doesNotContain("'");
          }
        }
      }
    }
  }

  @Test
  void everyKeyAskedForExists() throws IOException {
    Set<String> keys = bundle("Text.properties").keySet();
    Map<String, Set<String>> asked = new TreeMap<>();
    collect(WEBAPP, ".xhtml", PAGE_KEY, "", asked);
    collect(WEBAPP.resolve("js"), ".js", CLIENT_KEY, "js.", asked);
    collect(WEB_JAVA, ".java", JAVA_KEY, "", asked);
    collect(EJB_JAVA, ".java", REFUSAL, "refused.", asked);
    asked.values().forEach(set -> set.removeIf(key -> !KEY.matcher(key).matches()));
    asked.entrySet().removeIf(entry -> keys.containsAll(entry.getValue()));
    asked.replaceAll(
        (file, set) -> new TreeSet<>(set.stream().filter(k -> !keys.contains(k)).toList()));
    assertThat(asked).as("keys asked for but missing in Text.properties").isEmpty();
  }

  @Test
  void refusalsAreKeys() throws IOException {
    List<String> words = new ArrayList<>();
    for (Path file : files(EJB_JAVA, ".java")) {
      Matcher matcher = REFUSAL.matcher(Files.readString(file));
      while (matcher.find()) {
        if (!KEY.matcher(matcher.group(1)).matches()) {
          words.add(EJB_JAVA.relativize(file) + ": " + matcher.group(1));
        }
      }
    }
    assertThat(words).as("refusals must name a key under refused.").isEmpty();
  }

  @Test
  void pagesShowNoWordsOfTheirOwn() throws Exception {
    List<String> found = new ArrayList<>();
    for (Path page : files(WEBAPP, ".xhtml")) {
      String source = Files.readString(page).replaceAll("&[a-zA-Z]+;", " ");
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(source)));
      visit(document.getDocumentElement(), WEBAPP.relativize(page).toString(), found);
    }
    assertThat(found).as("words written into pages instead of #{text['…']}").isEmpty();
  }

  @Test
  void scriptsAndViewsShowNoWordsOfTheirOwn() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path script : files(WEBAPP.resolve("js"), ".js")) {
      List<String> lines = Files.readAllLines(script);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.strip().startsWith("//")
            || line.strip().startsWith("*")
            || line.contains("// not shown")) {
          continue;
        }
        Matcher literal = JS_LITERAL.matcher(line.replaceAll("\\$\\{[^}]*}", "x"));
        while (literal.find()) {
          String text =
              Stream.of(literal.group(1), literal.group(2), literal.group(3))
                  .filter(g -> g != null)
                  .findFirst()
                  .orElse("");
          if (SENTENCE.matcher(text).find()) {
            found.add(WEBAPP.relativize(script) + ":" + (i + 1) + ": " + text);
          }
        }
      }
    }
    for (Path view : files(WEB_JAVA, ".java")) {
      Matcher matcher = JAVA_WORDS.matcher(Files.readString(view));
      while (matcher.find()) {
        found.add(WEB_JAVA.relativize(view) + ": " + matcher.group());
      }
    }
    assertThat(found).as("words written into scripts and views instead of the bundles").isEmpty();
  }

  @Test
  void aCourseSiteNeverSaysPatientOrClinic() throws IOException {
    for (String language : List.of("en", "de")) {
      String suffix = language.equals("en") ? "" : "_" + language;
      Map<String, String> words = new TreeMap<>(bundle("Text" + suffix + ".properties"));
      words.putAll(bundle("Course" + suffix + ".properties"));
      List<String> clinical = new ArrayList<>();
      words.forEach(
          (key, text) -> {
            if (CLINIC_WORDS.get(language).matcher(text).find()) {
              clinical.add(key + "=" + text);
            }
          });
      assertThat(clinical)
          .as(
              "texts in %s that need a course-site wording in Course%s.properties",
              language, suffix)
          .isEmpty();
    }
  }

  private void visit(Element element, String page, List<String> found) {
    String name = element.getLocalName();
    if (name.equals("script") || name.equals("style")) {
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (TEXT_ATTRIBUTES.contains(attribute.getLocalName())
          && !(attribute.getLocalName().equals("value") && carriesData(element))
          && shows(attribute.getValue())) {
        found.add(
            page
                + ": <"
                + name
                + " "
                + attribute.getLocalName()
                + "=\""
                + attribute.getValue()
                + "\">");
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element inner) {
        visit(inner, page, found);
      } else if (child.getNodeType() == Node.TEXT_NODE && shows(child.getNodeValue())) {
        found.add(page + ": " + child.getNodeValue().strip());
      }
    }
  }

  /** A plain HTML element's value is data (an option's, a field's), except on a button. */
  private static boolean carriesData(Element element) {
    return "http://www.w3.org/1999/xhtml".equals(element.getNamespaceURI())
        && !(element.getLocalName().equals("input")
            && element.getAttribute("type").matches("submit|button|reset"));
  }

  /** Words a person would read: outside expressions, or as a sentence inside one. */
  private static boolean shows(String text) {
    Matcher el = EL.matcher(text);
    while (el.find()) {
      Matcher literal = EL_LITERAL.matcher(el.group());
      while (literal.find()) {
        if (SENTENCE.matcher(literal.group(1)).find() || literal.group(1).matches("[A-Z][a-z]+")) {
          return true;
        }
      }
    }
    String outside = EL.matcher(text).replaceAll(" ");
    for (String brand : BRAND) {
      outside = outside.replace(brand, " ");
    }
    return outside.matches("(?s).*\\p{L}\\p{L}.*");
  }

  private static void collect(
      Path root, String suffix, Pattern pattern, String prefix, Map<String, Set<String>> into)
      throws IOException {
    for (Path file : files(root, suffix)) {
      Matcher matcher = pattern.matcher(Files.readString(file));
      while (matcher.find()) {
        String key = matcher.group(1);
        into.computeIfAbsent(file.toString(), f -> new TreeSet<>())
            .add(key.startsWith(prefix) ? key : prefix + key);
      }
    }
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  static Map<String, String> bundle(String name) throws IOException {
    Properties properties = new Properties();
    Path file = BUNDLES.resolve(name);
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    }
    Map<String, String> map = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
    return map;
  }
}
