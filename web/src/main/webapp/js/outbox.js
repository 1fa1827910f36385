// The outbox: every message a person writes goes here first (IndexedDB), shows as pending at once, and
// leaves only when the server has stored it (ack). One tab of the person sends (Web Locks elect it);
// the other tabs show the same outbox and follow along. Resending is always safe: the server answers a
// client id it already stored with the original message.
//
// Each item is sent once and then waits for its answer. It goes again only when a new socket is ready
// or the page switches to polling, when its own ack timeout passes (35 s, doubling to 120 s), or after
// the retry-after of a `busy` or `rate-limited` refusal. A server that is slow therefore sees each message about once,
// not once per change in every open page. Items leave in the order they were written; over polling,
// everything due leaves in one ordered request, and the next request waits for the answer to this one.
//
// A file waits here too, as a Blob, until it is uploaded (one at a time, by the uploader, over HTTP);
// it keeps its client id on every attempt, so the server stores it once. It keeps its place: it goes
// when everything written before it in its conversation is stored, and what was written after it
// waits until it is. A refusal (type, size, quota) drops the Blob and leaves a note to dismiss;
// network trouble, 503 and 429 keep it for the same backoff as a text.
import { ackTimeout } from './backoff.js';

const PERMANENT = new Set(['invalid', 'forbidden', 'not-found', 'conflict', 'malformed']);
/** Refusals that stored nothing and name a pause, after which the same frame is welcome. */
const LATER = new Set(['busy', 'rate-limited']);
/** The most frames one polling request may carry (the server's limit). */
export const BATCH_LIMIT = 100;
/**
 * Over a socket, at most this many items wait for their answers at once; the next leaves as one is
 * answered. The server holds a socket's frames in a lane of 64 (sends, receipts and catch-ups alike)
 * and refuses beyond it, so an outbox that sent a long backlog whole (after an outage) would be
 * refused, and closed as a flood if it went on.
 */
export const SOCKET_WINDOW = 32;

export class Outbox {
  /**
   * store: the account's Store; connection: has `ready` and `transmit(frames)`, which resolves to
   * { sent, retryAfter }. clock, timers, locks and channel are the browser's unless given (tests).
   */
  constructor({
    store,
    connection,
    accountId,
    onChange = () => {},
    uploader = null,
    onStored = () => {},
    onProgress = () => {},
    clock = () => Date.now(),
    timers = globalThis,
    locks = globalThis.navigator?.locks,
    channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel(`consultchat-${accountId}`) : null,
  }) {
    this.store = store;
    this.connection = connection;
    this.onChange = onChange;
    this.uploader = uploader; // upload(item, progress) and abort(); none: files wait for a tab with one
    this.onStored = onStored; // hears the entry the server made of an uploaded file
    this.onProgress = onProgress; // (clientId, fraction or null once it no longer goes up)
    this.uploading = null; // the client id of the file going up now
    this.clock = clock;
    this.timers = timers;
    this.locks = locks;
    this.channel = channel;
    this.lockName = `consultchat-outbox-${accountId}`;
    this.leader = false;
    this.sending = new Map(); // clientId -> { sends, dueAt } of what this tab has sent
    this.pumping = false;
    this.again = false;
    this.lastCreated = 0;
    if (this.channel) {
      // Another tab added, settled or dropped an item: show it, and send what is new if this tab sends.
      this.channel.onmessage = () => {
        this.onChange();
        this.pump();
      };
    }
  }

  start() {
    if (this.locks) {
      // Held for the life of the tab: when the sending tab closes, another one takes over.
      this.locks.request(this.lockName, () => {
        this.leader = true;
        this.pump();
        return new Promise(() => {});
      });
    } else {
      this.leader = true;
      this.pump();
    }
    return this;
  }

  async items() {
    return this.store.outbox();
  }

  async add(conversation, body, kind) {
    return this.put({ conversation, body, kind });
  }

  /** A file (a Blob with its name) with its caption: it waits here until it is uploaded. */
  async addFile(conversation, file, name, caption = '', kind = '') {
    return this.put({
      conversation,
      body: caption,
      file,
      fileName: name,
      fileKind: kind,
      fileType: file.type || '',
      fileSize: file.size,
    });
  }

  async put(fields) {
    // Strictly increasing, so that two items written within one millisecond keep their order.
    const createdAt = Math.max(this.clock(), this.lastCreated + 1);
    this.lastCreated = createdAt;
    const item = { clientId: crypto.randomUUID(), ...fields, createdAt, state: 'pending' };
    await this.store.putOutbox(item);
    this.changed();
    return item;
  }

  /**
   * A new socket is ready, or the page now polls: what was sent before may have been lost with the old
   * connection, so everything not yet acknowledged goes again, in order.
   */
  resendAll() {
    this.sending.forEach((sent) => {
      if (!sent.gone) {
        sent.dueAt = 0;
      }
    });
    return this.pump();
  }

  /** Sends what is due, oldest first; safe to call at any time, as it sends nothing twice early. */
  async pump() {
    if (this.pumping) {
      this.again = true; // the running pump looks again when it is done
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        await this.sendDue();
      } while (this.again);
    } finally {
      this.pumping = false;
      this.schedule();
    }
  }

  async sendDue() {
    if (!this.leader || !this.connection.ready) {
      return;
    }
    const pending = (await this.store.outbox()).filter((item) => item.state === 'pending');
    this.forgetAllBut(pending);
    if (this.uploading && !pending.some((item) => item.clientId === this.uploading)) {
      this.uploader.abort(); // cancelled in another tab
    }
    const now = this.clock();
    const isDue = (item) => (this.sending.get(item.clientId)?.dueAt ?? 0) <= now;
    const inTurn = itemsInTurn(pending);
    const file = inTurn.find((item) => item.file);
    if (file && this.uploader && !this.uploading && isDue(file)) {
      this.upload(file); // not awaited: texts of other conversations need not wait for it
    }
    const texts = inTurn.filter((item) => !item.file);
    // Over polling, each request is answered before the next leaves, so only its size is bounded.
    const room = this.connection.polling ? BATCH_LIMIT : SOCKET_WINDOW - this.waiting(texts, now);
    const due = texts
      .filter(isDue)
      .slice(0, Math.max(0, Math.min(BATCH_LIMIT, room)));
    if (due.length === 0) {
      return;
    }
    const before = new Map(due.map((item) => [item.clientId, this.sending.get(item.clientId)]));
    due.forEach((item) => {
      const sends = (before.get(item.clientId)?.sends ?? 0) + 1;
      this.sending.set(item.clientId, { sends, dueAt: now + ackTimeout(sends) });
    });
    const result = await this.connection.transmit(due.map(frameOf));
    if (!result.sent) {
      // Nothing left: the connection went away meanwhile, and its successor's ready sends them.
      before.forEach((sent, clientId) =>
        sent ? this.sending.set(clientId, { sends: sent.sends, dueAt: 0 }) : this.sending.delete(clientId),
      );
      return;
    }
    if (result.retryAfter != null) {
      // The server took none of them now: all again after the pause it asked for.
      this.postpone(due.map((item) => item.clientId), result.retryAfter);
    }
    if (due.length === BATCH_LIMIT) {
      this.again = true;
    }
  }

  /**
   * Uploads one file and settles it by the answer: stored, refused for good (the Blob is dropped, a
   * note stays), cancelled, or not now (it goes again after the server's pause or the backoff).
   */
  async upload(item) {
    const { clientId } = item;
    const sends = (this.sending.get(clientId)?.sends ?? 0) + 1;
    this.sending.set(clientId, { sends, dueAt: Infinity });
    this.uploading = clientId;
    let result;
    try {
      result = await this.uploader.upload(item, (fraction) => this.onProgress(clientId, fraction));
    } catch {
      result = {};
    } finally {
      this.uploading = null;
    }
    this.onProgress(clientId, null);
    if (result.stored) {
      await this.onStored(result.stored);
      await this.settled(clientId);
    } else if (result.refused) {
      this.gone(clientId);
      const kept = (await this.store.outbox()).find((i) => i.clientId === clientId);
      if (kept) {
        await this.store.putOutbox({ ...kept, file: undefined, state: 'failed', error: result.refused });
        this.changed();
      }
    } else if (!result.cancelled) {
      const sent = this.sending.get(clientId);
      if (sent && !sent.gone) {
        const pause = result.retryAfter != null ? result.retryAfter * 1000 : ackTimeout(sends);
        sent.dueAt = this.clock() + pause;
      }
    }
    await this.pump();
  }

  /** Items sent that wait for their answer (or for a busy pause to end). */
  waiting(pending, now) {
    return pending.filter((item) => {
      const sent = this.sending.get(item.clientId);
      return sent && !sent.gone && sent.dueAt > now;
    }).length;
  }

  /** One timer, for the next item whose ack timeout or busy pause ends. */
  schedule() {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.leader) {
      return;
    }
    const now = this.clock();
    const next = Math.min(...[...this.sending.values()].map((sent) => sent.dueAt).filter((at) => at > now));
    if (Number.isFinite(next)) {
      this.timer = this.timers.setTimeout(() => this.pump(), next - now);
    }
  }

  postpone(clientIds, seconds) {
    const dueAt = this.clock() + seconds * 1000;
    clientIds.forEach((clientId) => {
      const sent = this.sending.get(clientId);
      if (sent && !sent.gone) {
        sent.dueAt = dueAt;
      }
    });
  }

  /**
   * The item has left (stored, cancelled or failed for good); it is forgotten once a look at the
   * store no longer shows it pending, as a look that started before the change still does.
   */
  gone(clientId) {
    this.sending.set(clientId, { sends: 0, dueAt: Infinity, gone: true });
  }

  forgetAllBut(pending) {
    const present = new Set(pending.map((item) => item.clientId));
    [...this.sending.keys()].filter((id) => !present.has(id)).forEach((id) => this.sending.delete(id));
  }

  /** The server stored it: it leaves the outbox. */
  async settled(clientId) {
    this.gone(clientId);
    await this.store.removeOutbox(clientId);
    this.changed();
  }

  /**
   * The server refused it. `busy` and `rate-limited` mean nothing was stored: the same frame goes
   * again after the pause the server asked for. Permanent refusals wait for the person to retry or cancel. Any other
   * refusal is transient: the item's own ack timeout sends it again.
   */
  async refused(clientId, code, message, retryAfter) {
    if (LATER.has(code)) {
      const sent = this.sending.get(clientId);
      if (sent && retryAfter != null) {
        this.postpone([clientId], retryAfter);
        this.schedule();
      }
      return;
    }
    if (!PERMANENT.has(code)) {
      return;
    }
    this.gone(clientId);
    const item = (await this.store.outbox()).find((i) => i.clientId === clientId);
    if (item) {
      await this.store.putOutbox({ ...item, state: 'failed', error: message });
      this.changed();
    }
  }

  /**
   * Tries a refused item again under a new client id (the old one may be taken on the server). A
   * refused file no longer has its Blob: it can only be dismissed.
   */
  async retry(clientId) {
    const item = (await this.store.outbox()).find((i) => i.clientId === clientId);
    if (item && !(item.fileName && !item.file)) {
      await this.store.removeOutbox(clientId);
      await this.store.putOutbox({
        ...item,
        clientId: crypto.randomUUID(),
        state: 'pending',
        error: undefined,
      });
      this.changed();
    }
  }

  async cancel(clientId) {
    if (this.uploading === clientId) {
      this.uploader.abort();
    }
    this.gone(clientId);
    await this.store.removeOutbox(clientId);
    this.changed();
  }

  changed() {
    if (this.channel) {
      this.channel.postMessage('outbox');
    }
    this.onChange();
    return this.pump();
  }
}

/**
 * The pending items that may leave now, oldest first: in each conversation, those before its first
 * file, and that file once nothing written before it there waits any more.
 */
export function itemsInTurn(pending) {
  const behindFile = new Set();
  const seen = new Set();
  return pending.filter((item) => {
    if (behindFile.has(item.conversation)) {
      return false;
    }
    if (item.file) {
      behindFile.add(item.conversation);
      return !seen.has(item.conversation);
    }
    seen.add(item.conversation);
    return true;
  });
}

function frameOf(item) {
  return {
    type: 'send',
    conversation: item.conversation,
    clientId: item.clientId,
    kind: item.kind,
    body: item.body,
  };
}
