// Tells a screen reader, politely, that someone else wrote: "New message from Ann: the first words…".
// Never this person's own messages, never what the browser already held when the page opened, and
// a burst (a catch-up after being offline, a busy room) as one sentence: "5 new messages". The page
// keeps a visually hidden aria-live="polite" region for it (chat.xhtml, room.xhtml).
import { t, language } from './words.js';

/** How long messages are gathered before one sentence tells of them all. */
export const GATHER_MILLIS = 700;
const FIRST_WORDS = 12;
const FIRST_CHARACTERS = 90;

/** The start of a message, a dozen words at most, cut with "…" when there is more. */
export function firstWords(body) {
  const words = String(body || '').trim().split(/\s+/).filter(Boolean);
  let text = words.slice(0, FIRST_WORDS).join(' ');
  if (text.length > FIRST_CHARACTERS) {
    text = text.slice(0, FIRST_CHARACTERS).replace(/\s+\S*$/, '') || text.slice(0, FIRST_CHARACTERS);
  }
  return text.length < words.join(' ').length ? `${text}…` : text;
}

/** The sentence for messages that arrived together; empty when there is nothing to tell. */
export function announcement(messages) {
  if (messages.length === 0) {
    return '';
  }
  if (messages.length > 1) {
    return t('announce.many', messages.length.toLocaleString(language()));
  }
  const [message] = messages;
  const from = t('chat.new-from', message.senderName || t('announce.someone'));
  const text = firstWords(message.body);
  if (text) {
    return t('announce.text', from, text);
  }
  return message.file ? t('announce.file', from, message.file.name) : from;
}

export class Announcer {
  /**
   * me: who this person is in the conversation; say(text) puts the sentence into the live region.
   * Nothing is told until listen(): what the page shows when it opens is read, not announced.
   */
  constructor({ me, say, timers = globalThis }) {
    this.me = me;
    this.say = say;
    this.timers = timers;
    this.listening = false;
    this.gathered = [];
    this.timer = null;
  }

  /** From now on, messages that arrive are told. */
  listen() {
    this.listening = true;
  }

  /** A message new to this page, from any source; told unless it is this person's own. */
  arrived(message) {
    if (!this.listening || message.senderId === this.me || message.deletedAt) {
      return;
    }
    this.gathered.push(message);
    if (this.timer === null) {
      this.timer = this.timers.setTimeout(() => this.tell(), GATHER_MILLIS);
    }
  }

  tell() {
    this.timer = null;
    const text = announcement(this.gathered);
    this.gathered = [];
    if (text) {
      this.say(text);
    }
  }
}

/**
 * Puts a sentence into a live region. Emptied first, and filled a moment later, so that the same
 * sentence twice ("2 new messages") is read twice.
 */
export function speaker(region, timers = globalThis) {
  return (text) => {
    region.textContent = '';
    timers.setTimeout(() => {
      region.textContent = text;
    }, 50);
  };
}
