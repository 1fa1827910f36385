// Typing, both ways: who else is writing right now, each until their signal runs out or their message
// arrives, and this person's own signal, sent at most every few seconds while they type.
import { t } from './words.js';

export const TYPING_EVERY_MS = 3000;

/** The line under the messages for the people typing now. */
export function typingText(names) {
  if (names.length === 0) {
    return '';
  }
  if (names.length === 1) {
    return t('typing.one', names[0]);
  }
  return names.length <= 3 ? t('typing.some', names.join(', ')) : t('typing.many');
}

export class Typers {
  /** onChange gets the names of the people typing whenever they change. */
  constructor(onChange, timers = globalThis) {
    this.onChange = onChange;
    this.timers = timers;
    this.typing = new Map(); // account -> { name, timer }
  }

  start(account, name, expiresInMillis) {
    this.timers.clearTimeout(this.typing.get(account)?.timer);
    const timer = this.timers.setTimeout(() => this.stop(account), expiresInMillis);
    this.typing.set(account, { name, timer });
    this.changed();
  }

  stop(account) {
    const current = this.typing.get(account);
    if (current) {
      this.timers.clearTimeout(current.timer);
      this.typing.delete(account);
      this.changed();
    }
  }

  changed() {
    this.onChange([...this.typing.values()].map((t) => t.name));
  }
}

export class TypingSignal {
  constructor(send, clock = Date.now) {
    this.send = send;
    this.clock = clock;
    this.last = 0;
  }

  /** Called at every keystroke; tells the others only when there is text and not too often. */
  typed(hasText) {
    const now = this.clock();
    if (hasText && now - this.last > TYPING_EVERY_MS) {
      this.last = now;
      this.send();
    }
  }

  /** After sending a message the next keystroke starts a new signal at once. */
  reset() {
    this.last = 0;
  }
}
