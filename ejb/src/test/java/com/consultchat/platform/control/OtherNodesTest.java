package com.consultchat.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.FileRef;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.platform.boundary.Notification;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OtherNodesTest {

  @Test
  void aMessageArrivesOnTheOtherNodeAsItWasSent() throws IOException {
    FileRef file =
        new FileRef(
            7, "scan.pdf", "application/pdf", 1234, "DOCUMENT", 3L, "Dr Who", Instant.EPOCH);
    ChatMessage message =
        new ChatMessage(
            42,
            5,
            "b3c2",
            11,
            "Pat",
            "TEXT",
            "Hello",
            Instant.parse("2026-12-02T10:00:00Z"),
            null,
            null,
            null,
            false,
            file);
    List<Notification> sent = List.of(new MessagePosted(message, Set.of(11L, 12L)));

    List<List<Notification>> received = new ArrayList<>();
    new OtherNodes.Deliver(OtherNodes.write(sent)).execute(received::add);

    assertThat(received).containsExactly(sent);
  }

  @Test
  void aNameThatIsNotANotificationIsNotRead() {
    String[] foreign = {URI.class.getName(), "\"http://example.org/\""};
    String[] helper = {OtherNodes.class.getName(), "{}"};

    assertThatThrownBy(() -> OtherNodes.read(foreign)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> OtherNodes.read(helper)).isInstanceOf(IOException.class);
  }

  @Test
  void everyNotificationArrivesAsItWasSent() throws Exception {
    List<Class<?>> types = notificationClasses();

    assertThat(types).as("notifications found").hasSizeGreaterThan(5);
    for (Class<?> type : types) {
      Notification sent = (Notification) sample(type);
      List<Notification> received = OtherNodes.read(OtherNodes.write(List.of(sent)));
      assertThat(received).as(type.getSimpleName()).containsExactly(sent);
    }
  }

  /** A value of the type with every component set, so that a lost component shows. */
  private static Object sample(Type type) throws ReflectiveOperationException {
    if (type instanceof ParameterizedType parameterized) {
      Object element = sample(parameterized.getActualTypeArguments()[0]);
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (raw == Set.class) {
        return Set.of(element);
      }
      assertThat(raw).as("a collection in a notification").isEqualTo(List.class);
      return List.of(element);
    }
    Class<?> value = (Class<?>) type;
    if (value == long.class || value == Long.class) {
      return 7L;
    }
    if (value == int.class || value == Integer.class) {
      return 7;
    }
    if (value == boolean.class || value == Boolean.class) {
      return true;
    }
    if (value == String.class) {
      return "text";
    }
    if (value == Instant.class) {
      return Instant.parse("2026-12-02T10:15:30.123Z");
    }
    if (value.isEnum()) {
      Object[] constants = value.getEnumConstants();
      return constants[constants.length - 1];
    }
    assertThat(value.isRecord()).as("%s is a record", value.getName()).isTrue();
    RecordComponent[] components = value.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
      arguments[i] = sample(components[i].getGenericType());
    }
    return value.getDeclaredConstructor(parameterTypes).newInstance(arguments);
  }

  /** Every class of the module that implements {@link Notification}, found in its output. */
  private static List<Class<?>> notificationClasses() throws IOException {
    Path classes;
    try {
      classes =
          Paths.get(Notification.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(file -> file.toString().endsWith(".class"))
          .map(file -> classes.relativize(file).toString())
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .map(OtherNodesTest::load)
          .filter(type -> Notification.class.isAssignableFrom(type) && !type.isInterface())
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, OtherNodesTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Object.class;
    }
  }
}
