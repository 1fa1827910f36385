package com.consultchat.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every setting of the application, read in one place: a system property ({@code consultchat.x.y})
 * first, then the environment variable ({@code CONSULTCHAT_X_Y}), then the default. The README
 * lists them. The {@link #editable} ones an administrator may change at run time: a value stored in
 * the database ({@link SettingOverrides}) then comes before all of these, and is read again on
 * every call, so a change applies at once without a restart.
 */
@ApplicationScoped
public class Settings {

  /** No client may poll more often than this, whatever it asks for. */
  public static final int POLL_FLOOR_SECONDS = 2;

  private static final String CHAT = "Chat";
  private static final String FILES = "Files";
  private static final String LIMITS = "Rate limits";
  private static final String CLINIC = "Clinic";
  private static final String RETENTION = "Retention";

  /** A web origin: scheme, host (a name or a bracketed IPv6 address) and an optional port. */
  private static final Pattern ORIGIN =
      Pattern.compile("https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

  /** What may be changed at run time, in the order the settings page shows it. */
  private static final Map<EditableSetting, Function<Settings, Object>> EDITABLE =
      new LinkedHashMap<>();

  static {
    editable(
        EditableSetting.number(
            "consultchat.poll.interval.seconds",
            CHAT,
            "Polling interval",
            "seconds",
            POLL_FLOOR_SECONDS,
            300),
        Settings::pollIntervalSeconds);
    editable(
        EditableSetting.toggle("consultchat.force.polling", CHAT, "Always poll, never use sockets"),
        Settings::forcePolling);
    editable(
        EditableSetting.number(
            "consultchat.edit.window.minutes",
            CHAT,
            "Edit and delete window",
            "minutes",
            0,
            10_080),
        Settings::editWindowMinutes);
    editable(
        EditableSetting.toggle("consultchat.read.receipts", CHAT, "Read receipts"),
        Settings::readReceipts);
    editable(
        EditableSetting.number(
            "consultchat.follow.up.days", CHAT, "Follow-up window", "days", 0, 365),
        Settings::followUpDays);
    editable(
        EditableSetting.number(
            "consultchat.idle.logoff.minutes", CHAT, "Idle logoff", "minutes", 2, 1_440),
        Settings::idleLogoffMinutes);
    editable(
        EditableSetting.number(
            "consultchat.attachment.max.mb", FILES, "Largest file", "MB", 1, 1024),
        Settings::attachmentMaxMb);
    editable(
        EditableSetting.number(
            "consultchat.attachments.per.hour", FILES, "Files per person per hour", "", 1, 100_000),
        Settings::attachmentsPerHour);
    editable(
        EditableSetting.number(
            "consultchat.attachment.daily.mb",
            FILES,
            "File volume per person per day",
            "MB",
            1,
            1_000_000),
        Settings::attachmentDailyMb);
    editable(
        EditableSetting.number(
            "consultchat.rate.messages.per.minute",
            LIMITS,
            "Messages per person per minute",
            "",
            1,
            1_000_000),
        Settings::messagesPerMinute);
    editable(
        EditableSetting.number(
            "consultchat.rate.actions.per.minute",
            LIMITS,
            "Other writes per person per minute",
            "",
            1,
            1_000_000),
        Settings::actionsPerMinute);
    editable(
        EditableSetting.number(
            "consultchat.rate.frames.per.minute",
            LIMITS,
            "Other frames per person per minute",
            "",
            1,
            10_000_000),
        Settings::framesPerMinute);
    editable(
        EditableSetting.text("consultchat.opening.hours", CLINIC, "Opening hours"),
        Settings::openingHours);
    editable(
        EditableSetting.optionalText("consultchat.holidays", CLINIC, "Holidays"),
        Settings::holidays);
    editable(
        EditableSetting.text("consultchat.time.zone", CLINIC, "Time zone"), Settings::timeZone);
    editable(
        EditableSetting.text("consultchat.emergency.number", CLINIC, "Emergency number"),
        Settings::emergencyNumber);
    editable(
        EditableSetting.toggle(
            "consultchat.course.site",
            CLINIC,
            "Course site: students, teachers and questions instead of patients, specialists and"
                + " consultations"),
        Settings::courseSite);
    editable(
        EditableSetting.number(
            "consultchat.retention.consultation.years",
            RETENTION,
            "Keep closed consultations",
            "years",
            1,
            100),
        Settings::consultationRetentionYears);
    editable(
        EditableSetting.number(
            "consultchat.retention.room.days", RETENTION, "Keep room chat", "days", 1, 36_500),
        Settings::roomRetentionDays);
  }

  private static final Set<String> NAMES =
      EDITABLE.keySet().stream().map(EditableSetting::name).collect(Collectors.toUnmodifiableSet());

  private static void editable(EditableSetting setting, Function<Settings, Object> getter) {
    EDITABLE.put(setting, getter);
  }

  private final Properties properties;
  private final Map<String, String> environment;

  /** Absent where no container runs (unit tests): then nothing is stored. */
  @Inject SettingOverrides overrides;

  public Settings() {
    this(System.getProperties(), System.getenv());
  }

  Settings(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  public int httpPort() {
    return integer("consultchat.http.port", 8080, 1, 65535);
  }

  /** Origins whose pages may open sockets; by default the server's own address on this machine. */
  public List<String> allowedOrigins() {
    String fallback = "http://localhost:" + httpPort() + ",http://127.0.0.1:" + httpPort();
    return Arrays.stream(text("consultchat.allowed.origins").orElse(fallback).split(","))
        .map(String::strip)
        .filter(origin -> !origin.isEmpty())
        .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
        .toList();
  }

  /**
   * Sites whose pages may show ConsultChat through the widget, as origins ({@code
   * https://portal.example.org}); none by default, so no page of ours may be framed. Entries that
   * are no origin are left out: each goes into the pages' frame-ancestors policy as it is.
   */
  public List<String> widgetOrigins() {
    return Arrays.stream(text("consultchat.widget.origins").orElse("").split(","))
        .map(String::strip)
        .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
        .filter(origin -> ORIGIN.matcher(origin).matches())
        .toList();
  }

  public String adminUsername() {
    return text("consultchat.admin.username").orElse("admin");
  }

  public Optional<String> adminPassword() {
    return text("consultchat.admin.password");
  }

  public int messageMaxLength() {
    return integer("consultchat.message.max.length", 4000, 1, 100_000);
  }

  /** How often browsers without a socket ask for news; a busy clinic may choose 2 seconds. */
  public int pollIntervalSeconds() {
    return integer("consultchat.poll.interval.seconds", 10, POLL_FLOOR_SECONDS, 300);
  }

  /** Browsers use polling even where a socket would work (for networks that break sockets). */
  public boolean forcePolling() {
    return text("consultchat.force.polling").map(Boolean::parseBoolean).orElse(false);
  }

  /** How long after closing a patient may open a follow-up that goes to the same specialist. */
  public int followUpDays() {
    return integer("consultchat.follow.up.days", 14, 0, 365);
  }

  /** How long after sending a person may still edit or delete their message. */
  public int editWindowMinutes() {
    return integer("consultchat.edit.window.minutes", 15, 0, 10_080);
  }

  /**
   * Whether read receipts exist at all in this deployment; when off, people see "delivered" but
   * never when someone read their message.
   */
  public boolean readReceipts() {
    return text("consultchat.read.receipts").map(Boolean::parseBoolean).orElse(true);
  }

  /**
   * Open chat sockets one person may hold at once (a page or tab each); one more is refused, so a
   * single account cannot hold a node's connections.
   */
  public int socketsPerPerson() {
    return integer("consultchat.sockets.per.person", 10, 1, 1000);
  }

  /**
   * Messages (sends, edits, deletes) one person may make per minute, over sockets and polling
   * together; a minute's worth may come at once, as when an outbox empties after a time offline.
   */
  public int messagesPerMinute() {
    return integer("consultchat.rate.messages.per.minute", 60, 1, 1_000_000);
  }

  /** Other writes one person may make per minute: asking, follow-ups, joining, leaving, reports. */
  public int actionsPerMinute() {
    return integer("consultchat.rate.actions.per.minute", 20, 1, 1_000_000);
  }

  /**
   * Any other frames one person may send per minute (catch-ups, presence, typing, receipts, pings).
   */
  public int framesPerMinute() {
    return integer("consultchat.rate.frames.per.minute", 600, 1, 10_000_000);
  }

  /** Failed logins in a row after which an account is locked for {@link #loginLockoutMinutes}. */
  public int loginLockoutFailures() {
    return integer("consultchat.login.lockout.failures", 10, 2, 1_000);
  }

  /** Failed logins from one client address after which that address is locked as well. */
  public int loginAddressLockoutFailures() {
    return integer("consultchat.login.address.lockout.failures", 50, 2, 1_000_000);
  }

  /** How long a lockout lasts before it lifts itself; an administrator may lift it sooner. */
  public int loginLockoutMinutes() {
    return integer("consultchat.login.lockout.minutes", 15, 1, 1_440);
  }

  /**
   * Threads that derive password keys. Few on purpose: a login flood then queues here instead of
   * taking the processors from sockets and pages.
   */
  public int keyDerivationThreads() {
    int fallback = Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
    return integer("consultchat.key.derivation.threads", fallback, 1, 64);
  }

  /** Logins that may wait for a key derivation thread; more are told the server is busy. */
  public int keyDerivationQueue() {
    return integer("consultchat.key.derivation.queue", 32, 1, 10_000);
  }

  /**
   * The application is served over HTTPS (directly or behind a proxy that terminates TLS): the
   * session cookie is marked Secure and browsers are told to use HTTPS only (HSTS).
   */
  public boolean https() {
    return text("consultchat.https").map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * Minutes without anything the person did (page loads, form posts, key presses and clicks the
   * page reports) after which they are logged off; heartbeats and polls do not count.
   */
  public int idleLogoffMinutes() {
    return integer("consultchat.idle.logoff.minutes", 15, 2, 1_440);
  }

  /**
   * Staff and administrators must log in with a second factor (a code from an authenticator app);
   * those without one set it up right after their next login. Patients may always choose one.
   */
  public boolean secondFactorRequired() {
    return text("consultchat.second.factor.required").map(Boolean::parseBoolean).orElse(false);
  }

  /** The number patients are told to call in an emergency; the chat is not for emergencies. */
  public String emergencyNumber() {
    return text("consultchat.emergency.number").orElse("112");
  }

  /** When staff answer, e.g. {@code Mon-Fri 08:00-18:00; Sat 09:00-12:00}, or {@code always}. */
  public String openingHours() {
    return text("consultchat.opening.hours").orElse("Mon-Fri 08:00-18:00");
  }

  /** Whole days the clinic is closed, as ISO dates separated by commas. */
  public String holidays() {
    return text("consultchat.holidays").orElse("");
  }

  /** The clinic's time zone, in which the opening hours and holidays are meant. */
  public String timeZone() {
    return text("consultchat.time.zone").orElse("UTC");
  }

  /** The largest file anyone may send, in MB; the server's request limit is set to match. */
  public int attachmentMaxMb() {
    return integer("consultchat.attachment.max.mb", 20, 1, 1024);
  }

  /** How many files one person may send within an hour. */
  public int attachmentsPerHour() {
    return integer("consultchat.attachments.per.hour", 60, 1, 100_000);
  }

  /** How many MB of files one person may send within a day. */
  public int attachmentDailyMb() {
    return integer("consultchat.attachment.daily.mb", 200, 1, 1_000_000);
  }

  /**
   * Years a closed consultation (the medical record) is kept after closing before it is purged,
   * unless a legal hold keeps it.
   */
  public int consultationRetentionYears() {
    return integer("consultchat.retention.consultation.years", 10, 1, 100);
  }

  /**
   * Days a room message is kept before it is purged, unless a legal hold on its sender keeps it.
   */
  public int roomRetentionDays() {
    return integer("consultchat.retention.room.days", 365, 1, 36_500);
  }

  /** The settings an administrator may change at run time. */
  public static List<EditableSetting> editable() {
    return List.copyOf(EDITABLE.keySet());
  }

  public static Optional<EditableSetting> editable(String name) {
    return EDITABLE.keySet().stream().filter(setting -> setting.name().equals(name)).findFirst();
  }

  /** The value in force, as text ({@code true}/{@code false} for switches). */
  public String current(EditableSetting setting) {
    return String.valueOf(EDITABLE.get(setting).apply(this));
  }

  /** The value the environment, a system property or the built-in default gives. */
  public String fallback(EditableSetting setting) {
    return String.valueOf(EDITABLE.get(setting).apply(new Settings(properties, environment)));
  }

  /**
   * A course site's words on every page: students, teachers, questions and the school instead of
   * patients, specialists, consultations and the clinic.
   */
  public boolean courseSite() {
    return text("consultchat.course.site").map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * A folder with the site's own words ({@code words.properties}, {@code words_de.properties}),
   * which override any text of the pages in that language.
   */
  public Optional<String> wordsDirectory() {
    return text("consultchat.words.dir");
  }

  /** The first wait before a failed webhook delivery is tried again; each next wait doubles. */
  public int webhookRetrySeconds() {
    return integer("consultchat.webhook.retry.seconds", 30, 1, 3600);
  }

  /**
   * The site's identity provider, as its issuer address ({@code
   * https://login.example.org/realms/clinic}); single sign-on is offered only when it is set. The
   * server's OpenID Connect client reads the same variable (configure.cli).
   */
  public Optional<String> signOnProvider() {
    return text("consultchat.sso.provider.url");
  }

  /** This application's client id at the provider (configure.cli reads the same variable). */
  public String signOnClientId() {
    return text("consultchat.sso.client.id").orElse("consultchat");
  }

  /** What the login page calls the provider ("Log in with …"); the page has its own default. */
  public Optional<String> signOnName() {
    return text("consultchat.sso.name");
  }

  /** The claim of the provider's ID token that lists the person's roles or groups. */
  public String signOnRoleClaim() {
    return text("consultchat.sso.role.claim").orElse("roles");
  }

  /** Values of that claim that make a person staff (a teacher on a course site). */
  public Set<String> signOnStaffRoles() {
    return names("consultchat.sso.staff.roles", "staff,teacher");
  }

  /** Values of that claim that make a person an administrator. */
  public Set<String> signOnAdminRoles() {
    return names("consultchat.sso.admin.roles", "admin");
  }

  private Set<String> names(String property, String fallback) {
    return Arrays.stream(text(property).orElse(fallback).split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean demo() {
    return text("consultchat.demo").map(Boolean::parseBoolean).orElse(false);
  }

  /** The value an administrator stored, for editable settings only; null when there is none. */
  private String stored(String property) {
    return overrides == null || !NAMES.contains(property) ? null : overrides.get(property);
  }

  private Optional<String> text(String property) {
    String stored = stored(property);
    if (stored != null) {
      return Optional.of(stored.strip());
    }
    return configured(property);
  }

  private Optional<String> configured(String property) {
    String value = properties.getProperty(property);
    if (value == null) {
      value = environment.get(property.toUpperCase().replace('.', '_'));
    }
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  private int integer(String property, int fallback, int min, int max) {
    String stored = stored(property);
    if (stored != null) {
      try {
        int number = Integer.parseInt(stored.strip());
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // Checked when stored; should a range ever narrow, the configured value applies instead.
      }
    }
    return configured(property)
        .map(
            value -> {
              try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                  throw new IllegalStateException(
                      property + " must be between " + min + " and " + max + ", not " + value);
                }
                return number;
              } catch (NumberFormatException e) {
                throw new IllegalStateException(property + " must be a number, not " + value, e);
              }
            })
        .orElse(fallback);
  }
}
