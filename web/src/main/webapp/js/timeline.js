// The entries of one conversation as this browser knows them. They come from three places — the
// browser's cache, catch-up after a sequence number, and the live stream — and merge by sequence
// number, so each counts once, and a number beyond the next expected one shows that something was
// missed on the way. Edits, deletions and a file's updates (its kind, its verification) are entries of
// their own that name the message they change.
// No page here: what to draw and keep is the caller's.

export function isChange(entry) {
  return entry.kind === 'EDIT' || entry.kind === 'DELETE' || entry.kind === 'FILE_UPDATE';
}

export class Timeline {
  constructor() {
    this.known = new Set(); // every seq taken, messages and changes alike
    this.messages = new Map(); // seq -> the message as it stands after its changes
    this.changes = new Map(); // seq -> an edit or deletion
    this.contiguous = 0; // every seq up to this one is known
  }

  has(seq) {
    return this.known.has(seq);
  }

  message(seq) {
    return this.messages.get(seq);
  }

  /** Whether an entry with this seq, arriving now, means that entries before it were missed. */
  missesBefore(seq) {
    return seq > this.contiguous + 1;
  }

  /**
   * Takes an entry. Answers null when it is known already; { message } for a new message;
   * { change, changed, blanked } for an edit or deletion, see {@link #apply}.
   */
  add(entry) {
    if (this.known.has(entry.seq)) {
      return null;
    }
    this.known.add(entry.seq);
    while (this.known.has(this.contiguous + 1)) {
      this.contiguous += 1;
    }
    if (isChange(entry)) {
      return { change: entry, ...this.apply(entry) };
    }
    this.messages.set(entry.seq, entry);
    return { message: entry };
  }

  /**
   * Applies an edit or deletion to the message it names. changed is the message as it stands now, or
   * null when it is older than what this browser keeps, or deleted already. A deletion also blanks
   * the text of the message's earlier edits (blanked), so that no copy of it stays behind.
   */
  apply(change) {
    this.changes.set(change.seq, change);
    const target = this.messages.get(change.ref);
    if (!target || target.deletedAt) {
      return { changed: null, blanked: [] };
    }
    if (change.kind === 'FILE_UPDATE') {
      // A file's kind or verification: the name and everything else stay the file entry's.
      const { kind, verifiedById, verifiedBy, verifiedAt } = change.file;
      const changed = { ...target, file: { ...target.file, kind, verifiedById, verifiedBy, verifiedAt } };
      this.messages.set(change.ref, changed);
      return { changed, blanked: [] };
    }
    const deleted = change.kind === 'DELETE';
    const changed = deleted
      ? { ...target, body: '', deletedAt: change.sentAt, removedByModerator: change.removedByModerator }
      : { ...target, body: change.body, editedAt: change.sentAt };
    this.messages.set(change.ref, changed);
    const blanked = [];
    if (deleted) {
      this.changes.forEach((edit, seq) => {
        if (edit.ref === change.ref && edit.kind === 'EDIT' && edit.body) {
          const empty = { ...edit, body: '' };
          this.changes.set(seq, empty);
          blanked.push(empty);
        }
      });
    }
    return { changed, blanked };
  }
}
