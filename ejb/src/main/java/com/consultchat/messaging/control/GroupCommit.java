package com.consultchat.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Draft;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.messaging.control.PostGroup.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.QueryTimeoutException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for text posts to conversations no policy governs (consultations): posts that arrive
 * while a group is being stored, from any people to any conversations, are stored together by the
 * next one, in one transaction and one commit ({@link PostGroup}); then each poster gets its
 * answer, and every post was announced after that commit. A post never waits for company: a
 * committer takes whatever is waiting the moment it is free, so alone a post is stored at once, and
 * under load the groups grow by themselves.
 *
 * <p>A post a check refuses fails alone. Should the group's transaction fail on a constraint (two
 * posts racing under one client id through another path), each post of the group is tried again in
 * a transaction of its own, where the unique index decides and a resend gets the original. Any
 * other failure (a stalled or restarting database) is every post's answer, and their frames are
 * tried again like any other that met it.
 */
@ApplicationScoped
public class GroupCommit {

  private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

  /**
   * Groups stored at once. Two keep the database busy while the other group's answers go out;
   * conversations are locked in the order of their ids, so two groups never deadlock.
   */
  static final int COMMITTERS = 2;

  /** Bounds one transaction's locks and statements. */
  static final int MOST_PER_GROUP = 64;

  /** Posters waiting at most; each is a request thread, far fewer than this. */
  static final int MOST_WAITING = 4096;

  /** Longer than a group's statement and lock timeouts and a wait for a connection. */
  static final long ANSWER_WITHIN_SECONDS = 40;

  /** PostgreSQL's class of integrity constraint violations. */
  private static final String CONSTRAINT_CLASS = "23";

  @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
  ManagedThreadFactory threadFactory;

  @Inject PostGroup group;
  @Inject SinglePost single;

  /** Bundles: a person's sends to one conversation stay together, in one group and in order. */
  private final BlockingQueue<List<GroupPost>> waiting = new ArrayBlockingQueue<>(MOST_WAITING);

  private final List<Thread> committers = new ArrayList<>();
  private volatile boolean running;

  /**
   * Ends the wait of answers past their bound. Not {@link CompletableFuture#orTimeout}: its timer
   * thread is the JDK's, started once per JVM by whoever first asks, and it would keep the class
   * loader of that first deployment, and all its classes, for good: a few reloads fill Metaspace.
   */
  private ScheduledThreadPoolExecutor deadlines;

  @PostConstruct
  void start() {
    deadlines =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread timer = threadFactory.newThread(task);
              timer.setName("consultchat-post-deadlines");
              timer.setDaemon(true);
              return timer;
            });
    deadlines.setRemoveOnCancelPolicy(true);
    running = true;
    for (int i = 0; i < COMMITTERS; i++) {
      Thread committer = threadFactory.newThread(this::commitWhileRunning);
      committer.setName("consultchat-group-commit-" + i);
      committer.setDaemon(true);
      committers.add(committer);
      committer.start();
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    committers.forEach(Thread::interrupt);
    if (deadlines != null) {
      deadlines.shutdownNow();
    }
    List<List<GroupPost>> left = new ArrayList<>();
    waiting.drainTo(left);
    left.forEach(
        bundle ->
            bundle.forEach(
                post -> post.failed(new QueryTimeoutException("The server is stopping"))));
  }

  /** Stores the post with whatever else is posted meanwhile; answers once it is committed. */
  public Posted post(Caller caller, long conversationId, String rawClientId, String body) {
    GroupPost post = new GroupPost(caller, conversationId, rawClientId, body);
    enqueue(List.of(post));
    return post.await(ANSWER_WITHIN_SECONDS);
  }

  /**
   * As {@link #post}, without waiting: the answer completes on a committer thread once the post is
   * committed (or with what kept it out), so whoever waits for it holds no thread meanwhile. Past
   * the same bound it completes with a {@link QueryTimeoutException}; should the post still be
   * stored after that, the retry finds it and is answered with it, as any resend.
   */
  public CompletableFuture<Posted> postLater(
      Caller caller, long conversationId, String rawClientId, String body) {
    GroupPost post = new GroupPost(caller, conversationId, rawClientId, body);
    enqueue(List.of(post));
    return withinBound(post.answer());
  }

  /**
   * A person's several sends to one conversation, stored in one group and numbered in their order,
   * without waiting: an answer per send, in order. A refused send fails alone.
   */
  public List<CompletableFuture<Posted>> togetherLater(
      Caller caller, long conversationId, List<Draft> drafts) {
    List<GroupPost> bundle =
        drafts.stream()
            .map(draft -> new GroupPost(caller, conversationId, draft.clientId(), draft.body()))
            .toList();
    enqueue(bundle);
    return bundle.stream().map(post -> withinBound(post.answer())).toList();
  }

  private CompletableFuture<Posted> withinBound(CompletableFuture<Posted> answer) {
    CompletableFuture<Posted> bounded = new CompletableFuture<>();
    ScheduledFuture<?> deadline;
    try {
      deadline =
          deadlines.schedule(
              () -> answer.completeExceptionally(new TimeoutException()),
              ANSWER_WITHIN_SECONDS,
              TimeUnit.SECONDS);
    } catch (RejectedExecutionException stopping) {
      answer.completeExceptionally(new QueryTimeoutException("The server is stopping"));
      deadline = null;
    }
    ScheduledFuture<?> timer = deadline;
    answer.whenComplete(
        (posted, failure) -> {
          if (timer != null) {
            timer.cancel(false);
          }
          if (failure == null) {
            bounded.complete(posted);
          } else if (failure instanceof TimeoutException) {
            bounded.completeExceptionally(
                new QueryTimeoutException("The post's transaction did not end in time"));
          } else {
            bounded.completeExceptionally(failure);
          }
        });
    return bounded;
  }

  private void enqueue(List<GroupPost> bundle) {
    if (!running || !waiting.offer(bundle)) {
      throw new QueryTimeoutException("Too many posts waiting to be stored");
    }
  }

  /** Posts waiting for a committer; for tests. */
  int waitingCount() {
    return waiting.size();
  }

  private void commitWhileRunning() {
    List<GroupPost> posts = new ArrayList<>(MOST_PER_GROUP);
    List<GroupPost> carried = null;
    while (running) {
      try {
        posts.addAll(carried != null ? carried : waiting.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      carried = null;
      // Whole bundles only; one that would not fit starts the next group.
      List<GroupPost> next;
      while (carried == null && (next = waiting.poll()) != null) {
        if (posts.size() + next.size() > MOST_PER_GROUP) {
          carried = next;
        } else {
          posts.addAll(next);
        }
      }
      commit(posts);
      posts.clear();
    }
    if (carried != null) {
      carried.forEach(post -> post.failed(new QueryTimeoutException("The server is stopping")));
    }
  }

  /** Every post of the group gets its answer, whatever happens here. */
  void commit(List<GroupPost> posts) {
    List<Outcome> outcomes;
    try {
      outcomes = group.store(posts);
    } catch (RuntimeException failure) {
      if (constraintViolated(failure)) {
        LOG.log(
            Level.DEBUG, "A group of {0} posts met a constraint; storing each alone", posts.size());
        posts.forEach(this::storeAlone);
      } else {
        posts.forEach(post -> post.failed(failure));
      }
      return;
    } catch (Error error) {
      posts.forEach(post -> post.failed(new IllegalStateException("Storing posts failed")));
      throw error;
    }
    for (int i = 0; i < posts.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome.refused() != null) {
        posts.get(i).failed(outcome.refused());
      } else {
        posts.get(i).stored(outcome.posted());
      }
    }
  }

  private void storeAlone(GroupPost post) {
    try {
      post.stored(
          single.post(
              post.caller(),
              post.conversationId(),
              post.rawClientId(),
              MessageKind.TEXT,
              post.body()));
    } catch (RuntimeException failure) {
      post.failed(failure);
    }
  }

  static boolean constraintViolated(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(CONSTRAINT_CLASS)) {
        return true;
      }
      depth++;
    }
    return false;
  }
}
