// Search without a network: the messages this browser keeps (store.js) matched against the words,
// as the server would roughly match them — every word must occur, in any case and with or without
// accents, as a word or the start of one ("fever" finds "fevers"); "a phrase" must occur as written;
// -word excludes. Only posts and files as they stand now: edits and deletions are entries of their
// own, and a deleted message keeps no text. The snippet is plain parts ({ text, match }) for the page
// to draw with text nodes, never markup.

const POSTS = new Set(['TEXT', 'RECOMMENDATION', 'NOTE', 'FILE']);
const SNIPPET_AROUND = 60;

/** Lower case without accents, so that "Fièvre" and "fievre" meet. */
export function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** fold() one character at a time, keeping each in its place, so a match's offsets are the text's. */
function foldInPlace(text) {
  let folded = '';
  for (let i = 0; i < text.length; i += 1) {
    folded += fold(text[i])[0] ?? text[i];
  }
  return folded;
}

/** The query as terms: { text, phrase, exclude }; empty for blank words. */
export function parseQuery(query) {
  const terms = [];
  const pattern = /(-?)"([^"]*)"|(-?)(\S+)/g;
  for (const found of (query || '').matchAll(pattern)) {
    if (found[2] !== undefined) {
      const text = fold(found[2]).replace(/\s+/g, ' ').trim();
      if (text) {
        terms.push({ text, phrase: true, exclude: found[1] === '-' });
      }
    } else {
      // "e-mail" is the words e and mail, as the database's parser reads it
      fold(found[4])
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .forEach((text) => terms.push({ text, phrase: false, exclude: found[3] === '-' }));
    }
  }
  return terms;
}

/** Where a term starts in folded text (a word start), or -1. */
function find(folded, term, from = 0) {
  let at = folded.indexOf(term.text, from);
  while (at >= 0) {
    const before = at === 0 ? '' : folded[at - 1];
    if (!/[\p{L}\p{N}]/u.test(before)) {
      return at;
    }
    at = folded.indexOf(term.text, at + 1);
  }
  return -1;
}

function searchable(message) {
  const name = message.file && message.file.name ? `${message.file.name} ` : '';
  return `${name}${message.body || ''}`;
}

/**
 * The kept messages that match, best first (more occurrences, then newer), each as { message,
 * parts }. filters: { conversation, mine, me, since, until (ms, exclusive), withFile }.
 */
export function searchLocal(messages, query, filters = {}) {
  const terms = parseQuery(query);
  const wanted = terms.filter((t) => !t.exclude);
  if (wanted.length === 0) {
    return [];
  }
  const hits = [];
  for (const message of messages) {
    if (!POSTS.has(message.kind) || message.deletedAt || !passes(message, filters)) {
      continue;
    }
    const text = searchable(message);
    const folded = foldInPlace(text);
    if (terms.some((t) => t.exclude && find(folded, t) >= 0) || wanted.some((t) => find(folded, t) < 0)) {
      continue;
    }
    const spans = matches(folded, wanted);
    hits.push({ message, score: spans.length, parts: snippet(text, spans) });
  }
  hits.sort((a, b) => b.score - a.score || Date.parse(b.message.sentAt) - Date.parse(a.message.sentAt));
  return hits.map(({ message, parts }) => ({ message, parts }));
}

function passes(message, { conversation, mine, me, since, until, withFile }) {
  const at = Date.parse(message.sentAt);
  return (
    (!conversation || message.conversation === conversation) &&
    (!mine || message.senderId === me) &&
    (!since || at >= since) &&
    (!until || at < until) &&
    (!withFile || Boolean(message.file))
  );
}

/** Every occurrence of the wanted terms, as [start, end) in order, overlaps merged. */
function matches(folded, wanted) {
  const spans = [];
  for (const term of wanted) {
    for (let at = find(folded, term); at >= 0; at = find(folded, term, at + 1)) {
      let end = at + term.text.length;
      if (!term.phrase) {
        while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end])) {
          end += 1; // the whole word: "fever" marks "fevers"
        }
      }
      spans.push([at, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) {
      last[1] = Math.max(last[1], span[1]);
    } else {
      merged.push([...span]);
    }
  }
  return merged;
}

/** The text around the first match, as plain parts with the matches marked. */
export function snippet(text, spans) {
  const start = Math.max(0, (spans[0]?.[0] ?? 0) - SNIPPET_AROUND);
  const end = Math.min(text.length, (spans[0]?.[1] ?? 0) + SNIPPET_AROUND * 2);
  const parts = [];
  let at = start;
  for (const [from, to] of spans) {
    if (to <= start || from >= end) {
      continue;
    }
    if (from > at) {
      parts.push({ text: text.slice(at, from), match: false });
    }
    parts.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), match: true });
    at = Math.min(to, end);
  }
  if (at < end) {
    parts.push({ text: text.slice(at, end), match: false });
  }
  if (start > 0) {
    parts.unshift({ text: '… ', match: false });
  }
  if (end < text.length) {
    parts.push({ text: ' …', match: false });
  }
  return parts;
}
