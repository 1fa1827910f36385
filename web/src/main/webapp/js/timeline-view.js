// Draws the conversation: a bubble per message in seq order, the outbox's items below them, and on
// this person's own messages their state — pending, sent, delivered, read, or failed with retry and
// cancel — and whether they were edited or deleted. What people write is always shown as text, its web
// addresses as links (links.js). A file in the outbox shows its name and size, its progress while it
// goes up, and a cancel button while it waits.
import { formatInstant } from './connection.js';
import { fileView, formatSize, refreshMarks } from './files.js';
import { showWithLinks } from './links.js';
import { t, language } from './words.js';

// The keys of each state's words (words.js), looked up when drawn.
const STATES = {
  pending: 'timeline.pending',
  sent: 'timeline.sent',
  delivered: 'timeline.delivered',
  read: 'timeline.read',
  failed: 'timeline.failed',
};
// Specialists' recommendations and notes are labelled and coloured apart.
const KIND_LABELS = { RECOMMENDATION: 'timeline.recommendation', NOTE: 'timeline.note' };

export class TimelineView {
  /**
   * decorate(element, message) adds what a message offers besides its text; retry and cancel act on
   * a failed outbox item, by its client id.
   */
  constructor({ list, empty, me, decorate, retry, cancel }) {
    this.list = list;
    this.empty = empty;
    this.me = me;
    this.decorate = decorate;
    this.retry = retry;
    this.cancel = cancel;
    this.elements = new Map(); // seq -> element of a message
    this.following = true; // keeps the newest message in sight; off while a found one is shown (jump.js)
  }

  /** Adds a message in its place by seq; an own one replaces its outbox item. */
  show(message) {
    const mine = message.senderId === this.me;
    const element = bubble(mine, message.senderName, message.body, message.sentAt);
    element.dataset.seq = String(message.seq);
    if (message.file && !message.deletedAt) {
      element.querySelector('.msg-body').before(fileView(message.file, mine));
    }
    this.mark(element, message);
    if (mine) {
      element.dataset.clientId = message.clientId;
      this.outboxItem(message.clientId)?.remove();
    }
    const later = [...this.list.querySelectorAll('.msg[data-seq]')].find(
      (m) => Number(m.dataset.seq) > message.seq,
    );
    this.list.insertBefore(element, later || this.list.querySelector('.msg.outbox') || null);
    this.elements.set(message.seq, element);
    this.empty.hidden = true;
    if (!later && this.following) {
      this.list.scrollTop = this.list.scrollHeight;
    }
  }

  /** Takes a message off the page for good (retention purged it). */
  forget(seq) {
    this.elements.get(seq)?.remove();
    this.elements.delete(seq);
  }

  /** Shows a message as an edit or deletion left it. */
  changed(message) {
    const element = this.elements.get(message.seq);
    if (element) {
      showWithLinks(element.querySelector('.msg-body'), message.deletedAt ? '' : message.body);
      if (message.deletedAt) {
        element.querySelector('.msg-file')?.remove();
      } else if (message.file) {
        refreshMarks(element, message.file, message.senderId === this.me);
      }
      this.mark(element, message);
    }
  }

  mark(element, message) {
    element.classList.toggle('deleted', Boolean(message.deletedAt));
    element.classList.toggle('removed', Boolean(message.deletedAt && message.removedByModerator));
    element.querySelector('.msg-note').textContent = message.deletedAt
      ? message.removedByModerator
        ? t('timeline.removed')
        : t('timeline.deleted')
      : message.editedAt
        ? t('timeline.edited')
        : '';
    if (KIND_LABELS[message.kind] && !element.querySelector('.msg-kind')) {
      element.classList.add(`msg-${message.kind.toLowerCase()}`);
      const label = document.createElement('span');
      label.className = 'msg-kind';
      label.textContent = t(KIND_LABELS[message.kind]);
      element.querySelector('header').prepend(label);
    }
    this.decorate(element, message);
  }

  /** The outbox items of this conversation, below the stored messages, oldest first. */
  showOutbox(items) {
    const present = new Set(items.map((item) => item.clientId));
    this.list.querySelectorAll('.msg.outbox').forEach((element) => {
      if (!present.has(element.dataset.clientId)) {
        element.remove();
      }
    });
    const stored = new Set([...this.elements.values()].map((e) => e.dataset.clientId).filter(Boolean));
    for (const item of items) {
      if (stored.has(item.clientId)) {
        continue;
      }
      let element = this.outboxItem(item.clientId);
      if (!element) {
        element = bubble(true, '', item.body, new Date(item.createdAt).toISOString());
        element.classList.add('outbox');
        element.dataset.clientId = item.clientId;
        if (item.fileName) {
          element.classList.add('upload');
          element.querySelector('.msg-body').before(waitingFile(item));
        }
        this.list.appendChild(element);
        this.list.scrollTop = this.list.scrollHeight;
        this.empty.hidden = true;
      }
      element.classList.toggle('failed', item.state === 'failed');
      this.setState(element, item.state, item.error);
    }
  }

  /** How far a file of the outbox has gone up (0 to 1), or null once it no longer goes. */
  progress(clientId, fraction) {
    const element = this.outboxItem(clientId);
    if (!element) {
      return;
    }
    let bar = element.querySelector('.upload-progress');
    if (fraction === null) {
      bar?.remove();
      delete element.dataset.state; // drawn afresh: waiting again
      this.setState(element, 'pending');
      return;
    }
    if (!bar) {
      bar = document.createElement('progress');
      bar.className = 'upload-progress';
      bar.max = 1;
      bar.setAttribute('aria-label', t('timeline.sending-file'));
      element.querySelector('.msg-state').before(bar);
    }
    bar.value = fraction;
    const label = element.querySelector('.msg-state');
    label.firstChild.textContent = t('timeline.sending', Math.round(100 * fraction));
  }

  /** Sets the tick of each own stored message; stateOf(seq) says which. */
  showTicks(stateOf) {
    this.elements.forEach((element, seq) => {
      if (element.classList.contains('mine')) {
        this.setState(element, stateOf(seq));
      }
    });
  }

  outboxItem(clientId) {
    return this.list.querySelector(`.msg.outbox[data-client-id="${clientId}"]`);
  }

  setState(element, state, reason) {
    const label = element.querySelector('.msg-state');
    if (element.dataset.state === state && label.dataset.reason === (reason || '')) {
      return;
    }
    element.dataset.state = state;
    label.dataset.reason = reason || '';
    label.textContent =
      state === 'failed' && reason ? t('timeline.failed.reason', reason) : STATES[state] ? t(STATES[state]) : '';
    label.title = reason || '';
    const upload = element.classList.contains('upload');
    if (state === 'failed' && upload) {
      // A refused file is no longer kept: there is nothing to retry.
      label.append(' · ', linkButton(t('timeline.dismiss'), () => this.cancel(element.dataset.clientId)));
    } else if (state === 'failed') {
      label.append(' · ', linkButton(t('timeline.retry'), () => this.retry(element.dataset.clientId)));
      label.append(' · ', linkButton(t('timeline.cancel'), () => this.cancel(element.dataset.clientId)));
    } else if (state === 'pending' && upload) {
      label.append(' · ', linkButton(t('timeline.cancel'), () => this.cancel(element.dataset.clientId)));
    }
  }
}

export function linkButton(label, run) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button';
  button.textContent = label;
  button.addEventListener('click', run);
  return button;
}

function bubble(mine, name, body, sentAt) {
  const element = document.createElement('article');
  element.className = `msg ${mine ? 'mine' : 'theirs'}`;
  const header = document.createElement('header');
  const author = document.createElement('span');
  author.className = 'msg-author';
  author.textContent = mine ? t('timeline.you') : name;
  const time = document.createElement('time');
  const instant = sentAt ? new Date(sentAt) : new Date();
  time.dateTime = instant.toISOString();
  time.textContent = formatInstant(instant);
  time.title = instant.toLocaleString(language());
  header.append(author, time);
  const text = document.createElement('p');
  text.className = 'msg-body';
  showWithLinks(text, body); // never HTML: what people write is shown as written
  const note = document.createElement('span');
  note.className = 'msg-note';
  const state = document.createElement('span');
  state.className = 'msg-state';
  element.append(header, text, note, state);
  return element;
}

/** A file waiting in the outbox: its name and size, as text. */
function waitingFile(item) {
  const box = document.createElement('div');
  box.className = 'msg-file msg-file-waiting';
  const line = document.createElement('span');
  line.className = 'msg-file-link';
  const icon = document.createElement('span');
  icon.className = 'pi pi-paperclip';
  icon.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'msg-file-name';
  name.textContent = item.fileName;
  const size = document.createElement('span');
  size.className = 'msg-file-size';
  size.textContent = formatSize(item.fileSize);
  line.append(icon, name, size);
  box.append(line);
  return box;
}
