package com.consultchat.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.platform.control.SettingRows;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SettingOverridesTest {

  private final AtomicLong now = new AtomicLong();
  private final Map<String, String> table = new HashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final Queue<Runnable> background = new ArrayDeque<>();
  private boolean failing;

  private SettingOverrides overrides() {
    SettingOverrides overrides = new SettingOverrides(now::get);
    overrides.rows =
        new SettingRows() {
          @Override
          public Map<String, String> all() {
            reads.incrementAndGet();
            if (failing) {
              throw new IllegalStateException("database down");
            }
            return Map.copyOf(table);
          }
        };
    overrides.background = background::add;
    return overrides;
  }

  private void runBackground() {
    for (Runnable task; (task = background.poll()) != null; ) {
      task.run();
    }
  }

  @Test
  void nothingIsReadBeforeTheSchemaIsMigrated() {
    SettingOverrides overrides = overrides();
    now.set(TimeUnit.MINUTES.toNanos(1));

    assertThat(overrides.get("consultchat.edit.window.minutes")).isNull();
    assertThat(reads).hasValue(0);
  }

  @Test
  void anotherNodesChangeIsSeenOnceTheCopyIsOlderThanItsFreshness() {
    SettingOverrides overrides = overrides();
    overrides.start(new SchemaMigrated());
    table.put("consultchat.edit.window.minutes", "5");

    assertThat(overrides.get("consultchat.edit.window.minutes")).isNull();
    now.addAndGet(TimeUnit.SECONDS.toNanos(SettingOverrides.FRESH_SECONDS + 1));
    assertThat(overrides.get("consultchat.edit.window.minutes")).isNull();
    runBackground();
    assertThat(overrides.get("consultchat.edit.window.minutes")).isEqualTo("5");
    assertThat(overrides.get("consultchat.edit.window.minutes")).isEqualTo("5");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aStaleCopyIsAnsweredAtOnceAndRefreshedOnceInTheBackground() {
    SettingOverrides overrides = overrides();
    table.put("consultchat.follow.up.days", "3");
    overrides.start(new SchemaMigrated());
    table.put("consultchat.follow.up.days", "4");
    now.addAndGet(TimeUnit.SECONDS.toNanos(SettingOverrides.FRESH_SECONDS + 1));

    for (int i = 0; i < 5; i++) {
      assertThat(overrides.get("consultchat.follow.up.days")).isEqualTo("3");
    }

    assertThat(background).hasSize(1);
    assertThat(reads).hasValue(1);
    runBackground();
    assertThat(overrides.get("consultchat.follow.up.days")).isEqualTo("4");
    assertThat(background).isEmpty();
  }

  @Test
  void aSlowBackgroundReadDoesNotUndoAChangeCommittedHereMeanwhile() {
    SettingOverrides overrides = overrides();
    overrides.start(new SchemaMigrated());
    now.addAndGet(TimeUnit.SECONDS.toNanos(SettingOverrides.FRESH_SECONDS + 1));
    overrides.get("consultchat.read.receipts");
    Runnable slowRead = background.poll();
    SettingRows before = overrides.rows;
    Map<String, String> oldTable = Map.copyOf(table);
    overrides.rows =
        new SettingRows() {
          private boolean first = true;

          @Override
          public Map<String, String> all() {
            if (first) {
              first = false;
              // The background read started first but its answer comes last.
              table.put("consultchat.read.receipts", "false");
              overrides.changed(new SettingChanged("consultchat.read.receipts"));
              return oldTable;
            }
            return before.all();
          }
        };

    slowRead.run();

    assertThat(overrides.get("consultchat.read.receipts")).isEqualTo("false");
  }

  @Test
  void aChangeCommittedHereIsSeenAtOnce() {
    SettingOverrides overrides = overrides();
    overrides.start(new SchemaMigrated());
    table.put("consultchat.read.receipts", "false");

    overrides.changed(new SettingChanged("consultchat.read.receipts"));

    assertThat(overrides.get("consultchat.read.receipts")).isEqualTo("false");
  }

  @Test
  void aDatabaseThatCannotAnswerLeavesTheLastValuesInForce() {
    SettingOverrides overrides = overrides();
    table.put("consultchat.follow.up.days", "3");
    overrides.start(new SchemaMigrated());
    failing = true;
    now.addAndGet(TimeUnit.SECONDS.toNanos(SettingOverrides.FRESH_SECONDS + 1));

    assertThat(overrides.get("consultchat.follow.up.days")).isEqualTo("3");
    runBackground();
    assertThat(overrides.get("consultchat.follow.up.days")).isEqualTo("3");
    assertThat(background).isEmpty();
    now.addAndGet(TimeUnit.SECONDS.toNanos(SettingOverrides.FRESH_SECONDS + 1));
    overrides.get("consultchat.follow.up.days");
    assertThat(background).as("the next stale read tries again").hasSize(1);
  }
}
