// The words the browser client shows, in the page's language. The page template writes them (the
// server's keys starting "js.") into a JSON data block; numbers and dates follow the page's language.
let words = null;

function dictionary() {
  if (words === null) {
    const block = globalThis.document?.getElementById('client-words');
    try {
      words = block ? JSON.parse(block.textContent) : {};
    } catch {
      words = {};
    }
  }
  return words;
}

/** Replaces the words, for the unit tests, which run without a page. */
export function setWords(map) {
  words = { ...map };
}

/** The text of a key ("js." may be left out) with {0}, {1}… filled in; the key itself when missing. */
export function t(key, ...values) {
  const full = key.startsWith('js.') ? key : `js.${key}`;
  const text = dictionary()[full] ?? full;
  return values.length === 0 ? text : text.replace(/\{(\d+)\}/g, (match, i) => (i < values.length ? String(values[i]) : match));
}

/** The page's language, for Intl's dates, times and numbers. */
export function language() {
  return globalThis.document?.documentElement?.lang || 'en';
}
