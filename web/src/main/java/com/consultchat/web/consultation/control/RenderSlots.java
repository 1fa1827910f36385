package com.consultchat.web.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Transcript PDFs and FHIR bundles written at once on this node. A render of a long consultation
 * takes a core for a second or two; beyond one per core the rest would only slow every page and
 * socket down, so a request that finds no slot is told to come back shortly instead of queueing.
 */
@ApplicationScoped
public class RenderSlots {

  /** Seconds a refused download is told to wait: about one long render. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private final Semaphore slots;

  public RenderSlots() {
    this(Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  RenderSlots(int count) {
    slots = new Semaphore(count);
  }

  /** A slot, held until the returned handle is closed; empty if every slot is taken. */
  public Optional<Slot> take() {
    return slots.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
  }

  /** One render's slot. Closing it twice frees it once. */
  public final class Slot implements AutoCloseable {
    private boolean released;

    private Slot() {}

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        slots.release();
      }
    }
  }
}
