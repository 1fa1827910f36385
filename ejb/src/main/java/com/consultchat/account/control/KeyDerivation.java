package com.consultchat.account.control;

import com.consultchat.account.boundary.KeyDerivationBusy;
import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where every password key derivation runs: a small pool of its own with a bounded queue. PBKDF2 is
 * meant to be expensive; run on the server's request threads, a burst of logins took the processors
 * from every socket. Here it takes at most this pool's threads, and a burst beyond the queue is
 * turned away at once instead of piling up.
 */
@ApplicationScoped
public class KeyDerivation {

  @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
  ManagedThreadFactory threadFactory;

  @Inject Settings settings;

  private ThreadPoolExecutor pool;

  @PostConstruct
  void start() {
    int threads = settings.keyDerivationThreads();
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(settings.keyDerivationQueue()),
            threadFactory,
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  public <T> T run(Supplier<T> derivation) {
    Future<T> result;
    try {
      result = pool.submit(derivation::get);
    } catch (RejectedExecutionException full) {
      throw new KeyDerivationBusy(full);
    }
    try {
      return result.get();
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while deriving a key", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Key derivation failed", e.getCause());
    }
  }
}
