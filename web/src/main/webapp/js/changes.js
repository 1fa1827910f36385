// Edits and deletions of this person's own messages: offered while the edit window lasts, sent at
// once, and sent again after a reconnect — or after the pause a busy server asks for — until the
// server acknowledges them. Their effect comes back like any other entry, as a message frame.
import { linkButton } from './timeline-view.js';
import { t } from './words.js';

const BUSY_PAUSE_SECONDS = 5;

export class Changes {
  constructor({ connection, conversation, showError, timers = globalThis }) {
    this.connection = connection;
    this.conversation = conversation;
    this.showError = showError;
    this.timers = timers;
    this.pending = new Map(); // clientId -> edit or delete frame not yet acknowledged
  }

  edit(ref, body) {
    this.send({ type: 'edit', conversation: this.conversation, clientId: crypto.randomUUID(), ref, body });
  }

  remove(ref) {
    this.send({ type: 'delete', conversation: this.conversation, clientId: crypto.randomUUID(), ref });
  }

  send(frame) {
    this.pending.set(frame.clientId, frame);
    if (!this.connection.send(frame)) {
      this.showError(t('changes.offline'));
    }
  }

  /** After a reconnect: what the server may not have received goes again. */
  resendAll() {
    this.pending.forEach((frame) => this.connection.send(frame));
  }

  /** Answers whether the ack was for a change, which is then done. */
  acknowledged(clientId) {
    return this.pending.delete(clientId);
  }

  /**
   * Answers whether the error was about a change. A busy server (or one the person is sending too
   * fast for) stored nothing: the same change goes
   * again after the pause it asks for. Any other refusal is final.
   */
  refused(frame) {
    if (!frame.clientId || !this.pending.has(frame.clientId)) {
      return false;
    }
    if (frame.code === 'busy' || frame.code === 'rate-limited') {
      const seconds = Number.isFinite(frame.retryAfter) ? frame.retryAfter : BUSY_PAUSE_SECONDS;
      this.timers.setTimeout(() => {
        const again = this.pending.get(frame.clientId);
        if (again) {
          this.connection.send(again);
        }
      }, seconds * 1000);
    } else {
      this.pending.delete(frame.clientId);
    }
    this.showError(frame.message);
    return true;
  }
}

/** Edit and Delete on an own message that is not deleted, for as long as the edit window lasts. */
export function offerChangeTools(element, message, { me, canWrite, editMillis, edit, remove }) {
  element.querySelector('.msg-tools')?.remove();
  const left = editMillis - (Date.now() - new Date(message.sentAt).getTime());
  if (!canWrite || message.senderId !== me || message.deletedAt || left <= 0) {
    return;
  }
  const tools = document.createElement('span');
  tools.className = 'msg-tools';
  tools.append(
    linkButton(t('changes.edit'), () => edit(message.seq)),
    linkButton(t('changes.delete'), () => {
      if (window.confirm(t('changes.delete.confirm'))) {
        remove(message.seq);
      }
    }),
  );
  element.querySelector('header').append(tools);
  setTimeout(() => tools.remove(), left);
}
