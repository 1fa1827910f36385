// One conversation on the chat page. Its entries — from the browser's cache, catch-up and the live
// stream — go into the timeline once, are drawn and kept in the browser; the outbox's items show
// below them until the server has them; receipts set the ticks on this person's own messages and
// tell the others how far this person has received and read.
import { Timeline } from './timeline.js';
import { ReceiptCursor, Receipts, tick } from './receipts.js';
import { dropPurged } from './purged.js';

export class Conversation {
  /**
   * view: the TimelineView; onDeleted(seq) hears of each message deleted while the page is open,
   * onNew(message) of each message new to the page, and onCaughtUp() of each finished catch-up.
   */
  constructor({
    id,
    me,
    readReceipts,
    store,
    connection,
    outbox,
    view,
    onDeleted,
    onNew = () => {},
    onCaughtUp = () => {},
  }) {
    this.id = id;
    this.me = me;
    this.store = store;
    this.connection = connection;
    this.outbox = outbox;
    this.view = view;
    this.onDeleted = onDeleted;
    this.onNew = onNew;
    this.onCaughtUp = onCaughtUp;
    this.timeline = new Timeline();
    this.receipts = new Receipts(me, readReceipts);
    this.cursor = new ReceiptCursor();
  }

  /** Every entry up to this seq is here: catch-up and polling continue after it. */
  get contiguous() {
    return this.timeline.contiguous;
  }

  message(seq) {
    return this.timeline.message(seq);
  }

  /** Draws what this browser kept from earlier visits; catch-up adds what came since. */
  async restore() {
    (await this.store.messages(this.id)).forEach((entry) => this.take(entry));
    this.receipts.replace((await this.store.conversation(this.id)).receipts || []);
    await this.showOutbox();
    this.showTicks();
  }

  sync() {
    this.connection.send({ type: 'sync', conversation: this.id, after: this.contiguous });
  }

  /** A page of catch-up; an incomplete one asks for the next. */
  async history(frame) {
    await dropPurged(this, frame.purged);
    frame.messages.forEach((entry) => this.take(entry));
    await this.store.putMessages(this.id, frame.messages);
    this.receipts.replace(frame.receipts);
    await this.store.saveConversation({ conversation: this.id, receipts: this.receipts.others });
    this.showTicks();
    if (!frame.complete) {
      this.sync();
    } else {
      this.onCaughtUp();
    }
    this.sendReceipts();
  }

  /** An entry from the live stream; answers whether it is new to this page. */
  async live(entry) {
    if (this.timeline.missesBefore(entry.seq)) {
      this.sync(); // a gap: something was missed on the way, fetch it
    }
    const fresh = this.take(entry);
    await this.store.putMessages(this.id, [entry]);
    if (entry.senderId === this.me) {
      await this.outbox.settled(entry.clientId);
    }
    this.showTicks();
    this.sendReceipts();
    return fresh;
  }

  /** The server stored an outbox item; one of this conversation moves into the timeline at once. */
  async acknowledged(frame) {
    if (frame.conversation === this.id) {
      const item = (await this.outbox.items()).find((i) => i.clientId === frame.clientId);
      if (item) {
        const stored = {
          conversation: this.id,
          seq: frame.seq,
          clientId: frame.clientId,
          senderId: this.me,
          senderName: '',
          kind: item.kind || 'TEXT',
          body: item.body,
          sentAt: frame.sentAt,
        };
        this.take(stored);
        await this.store.putMessages(this.id, [stored]);
      }
    }
    await this.outbox.settled(frame.clientId);
    this.showTicks();
  }

  async receipt(receipt) {
    if (this.receipts.update(receipt)) {
      await this.store.saveConversation({ conversation: this.id, receipts: this.receipts.others });
      this.showTicks();
    }
  }

  /** Tells the others how far this person has received and read; reading needs the page in view. */
  sendReceipts() {
    const receipt = this.cursor.next(this.contiguous, document.visibilityState === 'visible');
    if (receipt && this.connection.send({ type: 'receipt', conversation: this.id, ...receipt })) {
      this.cursor.sent(receipt);
    }
  }

  async showOutbox() {
    const items = await this.outbox.items();
    this.view.showOutbox(items.filter((item) => item.conversation === this.id));
  }

  showTicks() {
    const reach = this.receipts.reach();
    this.view.showTicks((seq) => tick(seq, reach));
  }

  /**
   * Takes one entry from any source and draws it; answers whether it was new. The stored copy of a
   * changed message changes too, so that a deleted text does not stay behind in this browser.
   */
  take(entry) {
    const added = this.timeline.add(entry);
    if (!added) {
      return false;
    }
    if (added.message) {
      this.view.show(added.message);
      this.onNew(added.message);
    } else if (added.changed) {
      this.store.putMessages(this.id, [added.changed, ...added.blanked]);
      this.view.changed(added.changed);
      if (added.changed.deletedAt) {
        this.onDeleted(added.changed.seq);
      }
    }
    return true;
  }
}
