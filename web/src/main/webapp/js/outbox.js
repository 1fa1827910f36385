// The outbox: every message a person writes goes here first (IndexedDB), shows as pending at once, and
// leaves only when the server has stored it (ack). One tab of the person sends (Web Locks elect it);
// the other tabs show the same outbox and follow along. Resending is always safe: the server answers a
// client id it already stored with the original message.

const PERMANENT = new Set(['invalid', 'forbidden', 'not-found', 'conflict', 'malformed']);
const RETRY_MS = 10000;

export class Outbox {
  constructor(store, connection, accountId, onChange = () => {}) {
    this.store = store;
    this.connection = connection;
    this.onChange = onChange;
    this.leader = false;
    this.channel = 'BroadcastChannel' in window ? new BroadcastChannel(`consultchat-${accountId}`) : null;
    if (this.channel) {
      this.channel.onmessage = () => {
        this.onChange();
        this.flush();
      };
    }
    this.lockName = `consultchat-outbox-${accountId}`;
  }

  start() {
    if (navigator.locks) {
      // Held for the life of the tab: when the sending tab closes, another one takes over.
      navigator.locks.request(this.lockName, () => {
        this.leader = true;
        this.flush();
        return new Promise(() => {});
      });
    } else {
      this.leader = true;
    }
    this.retryTimer = setInterval(() => this.flush(), RETRY_MS);
    return this;
  }

  async items() {
    return this.store.outbox();
  }

  async add(conversation, body, kind) {
    const item = {
      clientId: crypto.randomUUID(),
      conversation,
      body,
      kind,
      createdAt: Date.now(),
      state: 'pending',
    };
    await this.store.putOutbox(item);
    this.changed();
    return item;
  }

  /** Sends every pending item, oldest first, if this tab is the sender and a connection is up. */
  async flush() {
    if (!this.leader || !this.connection.ready || this.flushing) {
      return;
    }
    this.flushing = true;
    try {
      const pending = (await this.store.outbox()).filter((item) => item.state === 'pending');
      for (const item of pending) {
        const sent = this.connection.send({
          type: 'send',
          conversation: item.conversation,
          clientId: item.clientId,
          kind: item.kind,
          body: item.body,
        });
        if (!sent) {
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The server stored it: it leaves the outbox. */
  async settled(clientId) {
    await this.store.removeOutbox(clientId);
    this.changed();
  }

  /** The server refused it: permanent refusals wait for the person to retry or cancel. */
  async refused(clientId, code, message) {
    if (!PERMANENT.has(code)) {
      return; // transient: the next flush sends it again
    }
    const item = (await this.store.outbox()).find((i) => i.clientId === clientId);
    if (item) {
      await this.store.putOutbox({ ...item, state: 'failed', error: message });
      this.changed();
    }
  }

  /** Tries a refused item again under a new client id (the old one may be taken on the server). */
  async retry(clientId) {
    const item = (await this.store.outbox()).find((i) => i.clientId === clientId);
    if (item) {
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
    await this.store.removeOutbox(clientId);
    this.changed();
  }

  changed() {
    if (this.channel) {
      this.channel.postMessage('outbox');
    }
    this.onChange();
    this.flush();
  }
}
