// Opening a conversation at one message: a search result links to the chat page with ?seq=N. The page
// draws its history page by page, oldest first, so an older message may arrive only after a few pages
// of catch-up; until then, and while later pages arrive, the view keeps the found message in sight
// instead of following the newest one. The first thing the person does (scroll, tap, type) gives the
// view back to them. A message that is no longer there (deleted or purged since) is said to be gone.

/** The seq asked for in the page's address, or 0. */
export function requestedSeq(search) {
  const seq = Number(new URLSearchParams(search).get('seq'));
  return Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
}

/**
 * list: the element holding the messages (.msg[data-seq]); view: has a following flag; reached(): whether
 * every entry up to seq has arrived; missing(): called once when it has and the message is not there.
 */
export function jumpTo({ list, seq, view, reached, missing, root = document }) {
  const wanted = `.msg[data-seq="${seq}"]`;
  let shown = null;
  let done = false;
  if (view) {
    view.following = false;
  }
  const observer = new MutationObserver(() => check());
  const stop = () => {
    done = true;
    observer.disconnect();
    if (view) {
      view.following = true;
    }
    ['wheel', 'touchstart', 'keydown', 'pointerdown'].forEach((type) => root.removeEventListener(type, stop, true));
  };

  function check() {
    if (done) {
      return;
    }
    const element = list.querySelector(wanted);
    if (element) {
      if (element !== shown) {
        shown = element;
        element.classList.add('msg-found');
        element.tabIndex = -1;
        element.focus({ preventScroll: true });
        ['wheel', 'touchstart', 'keydown', 'pointerdown'].forEach((type) => root.addEventListener(type, stop, true));
      }
      element.scrollIntoView({ block: 'center' });
    } else if (reached()) {
      stop();
      missing();
    }
  }

  observer.observe(list, { childList: true });
  check();
  return stop;
}
