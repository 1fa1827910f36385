// The composer. What the person writes goes to the outbox, or, while they edit one of their own
// messages, becomes an edit of it. It grows with its text, tells the others that this person types,
// and closes for a patient outside an appointment they may not write beyond.
import { attachEmojiPicker } from './emoji.js';
import { attachSnippets } from './snippets.js';
import { t } from './words.js';

const MAX_HEIGHT_PX = 160;

export class Composer {
  /**
   * write(body, kind) sends a new message and edit(seq, body) an edit of an own one; typing is the
   * TypingSignal; errors shows and hides the page's error line.
   */
  constructor({ maxLength, write, edit, typing, errors }) {
    this.maxLength = maxLength;
    this.write = write;
    this.edit = edit;
    this.typing = typing;
    this.errors = errors;
    this.form = document.getElementById('composer');
    this.input = document.getElementById('composer-input');
    this.kind = document.getElementById('composer-kind');
    this.editing = null; // the seq of the own message being edited
  }

  attach() {
    if (!this.form) {
      return;
    }
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      } else if (event.key === 'Escape' && this.editing !== null) {
        this.stopEditing();
      }
    });
    this.input.addEventListener('input', () => {
      this.grow();
      this.typing.typed(Boolean(this.input.value.trim()) && this.editing === null);
    });
    this.input.focus();
    attachEmojiPicker(this.input, document.getElementById('composer-emoji'));
    attachSnippets(this.input, document.getElementById('composer-snippets'));
  }

  startEditing(message) {
    if (!message) {
      return;
    }
    this.editing = message.seq;
    this.input.value = message.body;
    this.form.classList.add('editing');
    this.form.dataset.editingLabel = t('composer.editing');
    this.grow();
    this.input.focus();
  }

  isEditing(seq) {
    return this.editing === seq;
  }

  stopEditing() {
    this.editing = null;
    this.form?.classList.remove('editing');
    this.input.value = '';
    this.grow();
  }

  /** Opens or closes writing; reason takes the place of the placeholder while it is closed. */
  setOpen(open, reason) {
    if (!this.form) {
      return;
    }
    this.form.classList.toggle('closed-window', !open);
    this.input.disabled = !open;
    document.getElementById('composer-send').disabled = !open;
    this.input.placeholder = open ? t('composer.placeholder') : reason;
  }

  async submit() {
    const body = this.input.value;
    if (!body.trim()) {
      return;
    }
    if ([...body].length > this.maxLength) {
      this.errors.show(t('composer.too-long', this.maxLength));
      return;
    }
    this.errors.hide();
    if (this.editing !== null) {
      const seq = this.editing;
      this.stopEditing();
      this.edit(seq, body);
      return;
    }
    this.input.value = '';
    this.grow();
    this.typing.reset();
    await this.write(body, this.kind ? this.kind.value : undefined);
    if (this.kind) {
      this.kind.value = 'TEXT';
    }
  }

  grow() {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, MAX_HEIGHT_PX)}px`;
    this.input.style.overflowY = this.input.scrollHeight > MAX_HEIGHT_PX ? 'auto' : 'hidden';
  }
}
