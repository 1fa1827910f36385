package com.consultchat.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.Role;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.Draft;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.messaging.control.PostGroup.Outcome;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private static final Caller PATIENT = new Caller(5, "pat", "Pat", Role.PATIENT);

  private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
  private final List<String> alone = Collections.synchronizedList(new ArrayList<>());
  private final GroupCommit commit = new GroupCommit();

  @AfterEach
  void stop() {
    commit.stop();
  }

  @Test
  void eachPostGetsItsOwnOutcomeAndARefusalFailsOnlyItsPost() {
    wire(posts -> posts.stream().map(post -> outcome(post)).toList());
    GroupPost first = post(1, "hello");
    GroupPost refused = post(2, "refuse me");
    GroupPost third = post(3, "again");

    commit.commit(List.of(first, refused, third));

    assertThat(first.await(1).message().seq()).isEqualTo(1);
    assertThatThrownBy(() -> refused.await(1)).isInstanceOf(Refused.class);
    assertThat(third.await(1).message().seq()).isEqualTo(3);
    assertThat(alone).isEmpty();
  }

  @Test
  void aGroupThatMeetsAConstraintIsStoredPostByPost() {
    wire(
        posts -> {
          throw new PersistenceException(
              "commit failed", new SQLException("duplicate key", "23505"));
        });
    GroupPost first = post(1, "hello");
    GroupPost second = post(2, "there");

    commit.commit(List.of(first, second));

    assertThat(first.await(1).message().body()).isEqualTo("hello");
    assertThat(second.await(1).message().body()).isEqualTo("there");
    assertThat(alone).containsExactly("hello", "there");
  }

  @Test
  void aFailureThatMayPassIsEveryPostsAnswerAndNothingIsRetriedHere() {
    SQLException stalled = new SQLException("canceling statement", "57014");
    wire(
        posts -> {
          throw new PersistenceException("timed out", stalled);
        });
    GroupPost first = post(1, "hello");
    GroupPost second = post(2, "there");

    commit.commit(List.of(first, second));

    assertThatThrownBy(() -> first.await(1)).hasRootCause(stalled);
    assertThatThrownBy(() -> second.await(1)).hasRootCause(stalled);
    assertThat(alone).isEmpty();
  }

  @Test
  void postsArrivingWhileGroupsAreStoredAreStoredTogether() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    wire(
        posts -> {
          groups.add(posts.stream().map(GroupPost::body).toList());
          await(release);
          return posts.stream().map(post -> outcome(post)).toList();
        });
    commit.threadFactory = threads();
    commit.start();
    int count = 12;
    ExecutorService posters = Executors.newFixedThreadPool(count);
    try {
      List<Future<Posted>> answers = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        String body = "post " + i;
        answers.add(
            posters.submit(() -> commit.post(PATIENT, 9, UUID.randomUUID().toString(), body)));
      }
      // Both committers hold a group; everything else waits for them.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (taken() + commit.waitingCount() < count && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(taken() + commit.waitingCount()).isEqualTo(count);
      release.countDown();
      for (Future<Posted> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS).message()).isNotNull();
      }
    } finally {
      posters.shutdownNow();
    }
    assertThat(taken()).isEqualTo(count);
    // At most one group per committer held back, then one each for what waited meanwhile.
    assertThat(groups.size()).isLessThanOrEqualTo(2 * GroupCommit.COMMITTERS);
  }

  private int taken() {
    synchronized (groups) {
      return groups.stream().mapToInt(List::size).sum();
    }
  }

  @Test
  void aPersonsSendsTogetherStayInOneGroupInTheirOrder() {
    wire(
        posts -> {
          groups.add(posts.stream().map(GroupPost::body).toList());
          return posts.stream().map(post -> outcome(post)).toList();
        });
    commit.threadFactory = threads();
    commit.start();
    List<Draft> drafts =
        List.of(
            new Draft(new UUID(0, 1).toString(), null, "one"),
            new Draft(new UUID(0, 2).toString(), null, "two"),
            new Draft(new UUID(0, 3).toString(), null, "three"));

    assertThat(commit.togetherLater(PATIENT, 9, drafts))
        .extracting(answer -> answer.join().message().seq())
        .containsExactly(1L, 2L, 3L);
    assertThat(groups).containsExactly(List.of("one", "two", "three"));
  }

  @Test
  void sendsTogetherLaterAnswerEachOnTheCommittersThreadAndARefusalFailsAlone() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    wire(
        posts -> {
          await(release);
          return posts.stream().map(post -> outcome(post)).toList();
        });
    commit.threadFactory = threads();
    commit.start();
    List<Draft> drafts =
        List.of(
            new Draft(new UUID(0, 1).toString(), null, "one"),
            new Draft(new UUID(0, 2).toString(), null, "refuse two"),
            new Draft(new UUID(0, 3).toString(), null, "three"));

    List<CompletableFuture<Posted>> answers = commit.togetherLater(PATIENT, 9, drafts);
    // The poster goes on at once: nothing is stored until the committer is let go.
    assertThat(answers).noneMatch(CompletableFuture::isDone);
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch answered = new CountDownLatch(answers.size());
    answers.forEach(
        answer ->
            answer.whenComplete(
                (posted, failure) -> {
                  threads.add(threadName());
                  answered.countDown();
                }));
    release.countDown();
    // Wait on a latch, not on get(): a thread blocked in get() helps run a future's callbacks.
    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(answers.get(0).get(10, TimeUnit.SECONDS).message().seq()).isEqualTo(1);
    assertThatThrownBy(() -> answers.get(1).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(Refused.class);
    assertThat(answers.get(2).get(10, TimeUnit.SECONDS).message().seq()).isEqualTo(3);
    assertThat(threads).hasSize(3).allMatch(name -> !name.equals(threadName()));
  }

  private static String threadName() {
    return Thread.currentThread().getName();
  }

  private void wire(Function<List<GroupPost>, List<Outcome>> store) {
    commit.group =
        new PostGroup() {
          @Override
          public List<Outcome> store(List<GroupPost> posts) {
            return store.apply(posts);
          }
        };
    commit.single =
        new SinglePost() {
          @Override
          public Posted post(
              Caller caller, long conversationId, String clientId, MessageKind kind, String body) {
            alone.add(body);
            return Posted.stored(message(1, body, clientId), false);
          }
        };
  }

  private static Outcome outcome(GroupPost post) {
    if (post.body().startsWith("refuse")) {
      return new Outcome(null, Refused.conflict("conversation.closed"));
    }
    long seq = post.clientId().getLeastSignificantBits();
    return new Outcome(Posted.stored(message(seq, post.body(), post.rawClientId()), false), null);
  }

  private GroupPost post(int seq, String body) {
    return new GroupPost(PATIENT, 9, new UUID(0, seq).toString(), body);
  }

  private static ChatMessage message(long seq, String body, String clientId) {
    return new ChatMessage(
        9,
        seq,
        clientId,
        PATIENT.id(),
        PATIENT.displayName(),
        MessageKind.TEXT.name(),
        body,
        Instant.EPOCH,
        null,
        null,
        null,
        false,
        null);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ManagedThreadFactory threads() {
    return new ManagedThreadFactory() {
      @Override
      public Thread newThread(Runnable task) {
        return new Thread(task);
      }

      @Override
      public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
