// What the browser keeps for the logged-in person, in IndexedDB: recent messages per conversation (so a
// conversation shows at once, before the network answers), the outbox of messages and files not yet
// stored by the server, and the files this person has already seen (previews and pictures, so they open
// again at once; the oldest leave beyond FILES_KEPT_BYTES). One database per account; everything is wiped at logout and at automatic logoff, and
// kept for its person after a lost session (docs/health-data-in-the-browser.md says what, how long,
// and why).
import { RESUME_KEY, activityKey } from './session.js';
import { draftPrefix } from './drafts.js';

const PREFIX = 'consultchat-';
// The service worker's copies of the person's pages; its shell cache (login page, scripts, styles)
// holds nobody's data and stays.
const PAGES_CACHE_PREFIX = 'consultchat-pages';
const KEEP_PER_CONVERSATION = 500;
/** At most this much of seen files is kept; a single file above a quarter of it is not kept at all. */
export const FILES_KEPT_BYTES = 50 * 1024 * 1024;

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

export async function openStore(accountId) {
  const request = indexedDB.open(`${PREFIX}${accountId}`, 2);
  request.onupgradeneeded = (event) => {
    const db = request.result;
    if (event.oldVersion < 1) {
      db.createObjectStore('messages', { keyPath: ['conversation', 'seq'] });
      const outbox = db.createObjectStore('outbox', { keyPath: 'clientId' });
      outbox.createIndex('byTime', 'createdAt');
      db.createObjectStore('conversations', { keyPath: 'conversation' });
    }
    if (event.oldVersion < 2) {
      db.createObjectStore('files', { keyPath: 'key' }).createIndex('byUse', 'usedAt');
    }
  };
  return new Store(await promised(request));
}

class Store {
  constructor(db) {
    this.db = db;
    // Another tab deleting the database (logout) must not be blocked by this one.
    db.onversionchange = () => db.close();
  }

  async messages(conversation) {
    const range = IDBKeyRange.bound([conversation, 0], [conversation, Number.MAX_SAFE_INTEGER]);
    const store = this.db.transaction('messages').objectStore('messages');
    return promised(store.getAll(range));
  }

  /** Every kept entry of every conversation, for searching without a network (local-search.js). */
  async allMessages() {
    return promised(this.db.transaction('messages').objectStore('messages').getAll());
  }

  async putMessages(conversation, messages) {
    if (messages.length === 0) {
      return;
    }
    const transaction = this.db.transaction('messages', 'readwrite');
    const store = transaction.objectStore('messages');
    messages.forEach((message) => store.put(message));
    const oldestKept = Math.max(...messages.map((m) => m.seq)) - KEEP_PER_CONVERSATION;
    if (oldestKept > 0) {
      store.delete(IDBKeyRange.bound([conversation, 0], [conversation, oldestKept]));
    }
    await finished(transaction);
  }

  /** Drops kept messages in runs of numbers the server purged ([{from, to}], see purged.js). */
  async forgetRuns(conversation, runs) {
    const transaction = this.db.transaction('messages', 'readwrite');
    const store = transaction.objectStore('messages');
    runs.forEach((run) => store.delete(IDBKeyRange.bound([conversation, run.from], [conversation, run.to])));
    await finished(transaction);
  }

  async conversation(conversation) {
    const store = this.db.transaction('conversations').objectStore('conversations');
    return (await promised(store.get(conversation))) || { conversation, receipts: [] };
  }

  async saveConversation(state) {
    const transaction = this.db.transaction('conversations', 'readwrite');
    transaction.objectStore('conversations').put(state);
    await finished(transaction);
  }

  /** Every outbox item, oldest first: the order in which they must be sent. */
  async outbox() {
    const index = this.db.transaction('outbox').objectStore('outbox').index('byTime');
    return promised(index.getAll());
  }

  async putOutbox(item) {
    const transaction = this.db.transaction('outbox', 'readwrite');
    transaction.objectStore('outbox').put(item);
    await finished(transaction);
  }

  async removeOutbox(clientId) {
    const transaction = this.db.transaction('outbox', 'readwrite');
    transaction.objectStore('outbox').delete(clientId);
    await finished(transaction);
  }

  /** A seen file's Blob by its key (the address it came from), or undefined. */
  async cachedFile(key) {
    const kept = await promised(this.db.transaction('files').objectStore('files').get(key));
    if (kept) {
      // Used again: the last to be evicted. Not awaited, the picture need not wait for it.
      const transaction = this.db.transaction('files', 'readwrite');
      transaction.objectStore('files').put({ ...kept, usedAt: Date.now() });
    }
    return kept?.blob;
  }

  /** Keeps a seen file, evicting the least recently used beyond FILES_KEPT_BYTES. */
  async cacheFile(key, blob) {
    if (blob.size > FILES_KEPT_BYTES / 4) {
      return;
    }
    const transaction = this.db.transaction('files', 'readwrite');
    const files = transaction.objectStore('files');
    files.put({ key, blob, size: blob.size, usedAt: Date.now() });
    let total = 0;
    // Newest first: everything past the budget goes.
    files.index('byUse').openCursor(null, 'prev').onsuccess = (event) => {
      const cursor = event.target.result;
      if (cursor) {
        total += cursor.value.size;
        if (total > FILES_KEPT_BYTES) {
          cursor.delete();
        }
        cursor.continue();
      }
    };
    await finished(transaction);
  }

  close() {
    this.db.close();
  }
}

/**
 * Deletes what the browser keeps for anyone but this account (a shared computer), and the mark of a
 * lost session: whoever it named has now been replaced by, or is, the person logged in.
 */
export async function wipeOthers(accountId) {
  await wipe({ keep: accountId, pages: false, keepResume: false });
}

/** Deletes everything ConsultChat keeps in this browser: databases, cached pages and marks. */
export async function wipeAll() {
  await wipe({ keep: 0, pages: true, keepResume: false });
}

/**
 * The login page after a lost session: keeps the database of the account that lost it (its unsent
 * messages wait for that person to log in again) and the mark that names it; deletes all else.
 */
export async function wipeAllBut(accountId) {
  await wipe({ keep: accountId, pages: true, keepResume: true });
}

async function wipe({ keep, pages, keepResume }) {
  const kept = `${PREFIX}${keep}`;
  if (indexedDB.databases) {
    const databases = await indexedDB.databases();
    await Promise.all(
      databases
        .map((d) => d.name)
        .filter((name) => name && name.startsWith(PREFIX) && !(keep && name === kept))
        .map((name) => promised(indexedDB.deleteDatabase(name)).catch(() => undefined)),
    );
  }
  forgetMarks(
    (key) =>
      (keep && (key === activityKey(keep) || key.startsWith(draftPrefix(keep)))) ||
      (keepResume && key === RESUME_KEY),
  );
  if (pages && self.caches) {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PAGES_CACHE_PREFIX)).map((n) => caches.delete(n)));
  }
}

/** Removes ConsultChat's marks and form drafts in localStorage but the kept ones. */
function forgetMarks(kept) {
  try {
    Object.keys(localStorage)
      .filter((key) => key.startsWith(PREFIX) && !kept(key))
      .forEach((key) => localStorage.removeItem(key));
  } catch (e) {
    // Storage refused: there is nothing in it to remove.
  }
}
