// Web addresses in what people write become links. Only http and https (and www., taken as https) are
// linked; any other scheme stays text. Links are built as elements around text nodes, never from
// HTML, and open apart from the chat without telling the other site where the person came from.

// A candidate starts at a word boundary, so "xhttp://" or an e-mail's "@www." is not one.
const CANDIDATE = /(?<![\w@.\/-])(?:https?:\/\/|www\.)[^\s<>"]+/giu;
// Punctuation that ends a sentence rather than the address.
const TRAILING = /[.,;:!?'"*_~…”’»]+$/u;
const CLOSERS = { ')': '(', ']': '[', '}': '{' };

/** The links in text, as { start, end, href }, in order. */
export function findLinks(text) {
  const links = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = trimmed(match[0]);
    const href = hrefOf(candidate);
    if (href) {
      links.push({ start: match.index, end: match.index + candidate.length, href });
    }
  }
  return links;
}

/** Cuts what ends a sentence around the address: full stops, quotes, an unopened closing bracket. */
function trimmed(candidate) {
  let text = candidate;
  for (;;) {
    const before = text;
    text = text.replace(TRAILING, '');
    const last = text.at(-1);
    if (CLOSERS[last] && count(text, last) > count(text, CLOSERS[last])) {
      text = text.slice(0, -1);
    }
    if (text === before) {
      return text;
    }
  }
}

function count(text, char) {
  return text.split(char).length - 1;
}

function hrefOf(candidate) {
  const absolute = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  let url;
  try {
    url = new URL(absolute);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
    return null;
  }
  return url.href;
}

/** Sets element's content to text, its addresses as links. */
export function showWithLinks(element, text) {
  element.replaceChildren();
  let at = 0;
  for (const link of findLinks(text)) {
    element.append(text.slice(at, link.start));
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer nofollow';
    anchor.className = 'msg-link';
    anchor.textContent = text.slice(link.start, link.end);
    element.append(anchor);
    at = link.end;
  }
  element.append(text.slice(at));
}
