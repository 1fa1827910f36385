// Retention removes old entries on the server for good. Every catch-up names the runs of sequence
// numbers that went (the history frame's `purged`, [{from, to}]); this browser then drops its copies —
// from the page and from IndexedDB — and counts those numbers as known, so the gap they leave is not
// taken for entries missed on the way (which would ask for them again and again).

/** Whether seq lies in one of the runs. */
export function isPurged(seq, runs) {
  return runs.some((run) => seq >= run.from && seq <= run.to);
}

/**
 * Forgets purged entries in a Timeline: its messages and changes in the runs go, and its contiguous
 * mark moves over the runs. Answers the numbers of the messages it dropped, for the page to remove.
 */
export function forgetInTimeline(timeline, runs) {
  const dropped = [];
  for (const seq of [...timeline.messages.keys()]) {
    if (isPurged(seq, runs)) {
      timeline.messages.delete(seq);
      dropped.push(seq);
    }
  }
  for (const seq of [...timeline.changes.keys()]) {
    if (isPurged(seq, runs)) {
      timeline.changes.delete(seq);
    }
  }
  let moved = true;
  while (moved) {
    moved = false;
    const run = runs.find((r) => r.from <= timeline.contiguous + 1 && r.to > timeline.contiguous);
    if (run) {
      timeline.contiguous = run.to;
      moved = true;
    }
    while (timeline.known.has(timeline.contiguous + 1)) {
      timeline.contiguous += 1;
      moved = true;
    }
  }
  return dropped;
}

/** Drops what a history frame says was purged from the conversation's page and its store. */
export async function dropPurged({ id, timeline, view, store }, runs) {
  if (!runs || runs.length === 0) {
    return;
  }
  forgetInTimeline(timeline, runs).forEach((seq) => view.forget(seq));
  await store.forgetRuns(id, runs);
}
