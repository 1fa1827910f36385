// Inside the widget's frame on a portal page: tells the widget what its launcher shows (whether
// someone is logged in, how many messages wait unread, and its words in the person's language).
// Only the frame's own parent hears it, after that parent said hello; the page's policy lets only the
// sites named for the widget frame it (frame-ancestors), so a count never reaches another site.
import { t } from './words.js';

export const HELLO = 'consultchat:hello';
export const STATE = 'consultchat:state';

/** What the frame tells the widget. */
export function stateMessage(signedIn, unread) {
  return {
    type: STATE,
    signedIn,
    unread: signedIn ? unread : 0,
    words: {
      title: t('widget.title'),
      open: t('widget.open'),
      close: t('widget.close'),
      full: t('widget.full'),
      unread: t('widget.unread', signedIn ? unread : 0),
    },
  };
}

/**
 * Answers the widget in the parent window; nothing when the page is not framed. The unread count
 * is fetched when the widget says hello (each page it loads), at the polling interval, and when the
 * page's lists change.
 */
export function embed({ win, doc, fetchJson, intervalMs }) {
  if (win.parent === win) {
    return null;
  }
  const page = doc.body.dataset;
  const signedIn = Boolean(Number(page.me));
  let host = null;
  let unread = 0;

  const tell = () => {
    if (host) {
      win.parent.postMessage(stateMessage(signedIn, unread), host);
    }
  };
  const refresh = async () => {
    if (signedIn) {
      try {
        const answer = await fetchJson(`${page.context || ''}/api/unread`);
        unread = Math.max(0, Number(answer.unread) || 0);
      } catch {
        // Offline or logged off meanwhile: the badge keeps its last count until the next try.
      }
    }
    tell();
  };

  win.addEventListener('message', (event) => {
    // An opaque origin ("null") cannot be written back to; the policy lets no such parent frame us.
    if (event.source !== win.parent || event.data?.type !== HELLO || !/^https?:\/\//.test(event.origin)) {
      return;
    }
    host = event.origin;
    refresh();
  });
  if (signedIn) {
    win.setInterval(refresh, intervalMs);
    doc.addEventListener('consultchat:lists-changed', refresh);
  }
  return { refresh };
}

async function fetchJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  return response.json();
}

if (globalThis.window && globalThis.document?.body) {
  const seconds = Number(document.body.dataset.pollInterval) || 10;
  embed({ win: window, doc: document, fetchJson, intervalMs: seconds * 1000 });
}
