// Registers ConsultChat's service worker (../sw.js: offline pages and the installable app) and tells
// the person when a new version has taken over while a page of the old one was open: the new version
// is used from the next page they open, so they may reload now or carry on.

import { t } from './words.js';

/** The worker's cache of the person's pages (sw.js). */
const PAGES_CACHE = 'consultchat-pages-v1';

/**
 * Calls `announce` when a new worker takes over this page, but not when the first worker ever takes
 * control (the page came from the network and is current).
 */
export function watchForUpdates(container, announce) {
  const hadWorker = Boolean(container.controller);
  let announced = false;
  container.addEventListener('controllerchange', () => {
    if (hadWorker && !announced) {
      announced = true;
      announce();
    }
  });
}

/**
 * Writes where the start address leads this person (`home`, a path), for the worker to open it there
 * without a network. Kept with the person's pages (the worker's cache of them), so it goes at logout.
 */
export async function rememberStart(cacheStorage, scope, home) {
  if (!home || !cacheStorage) {
    return;
  }
  const pages = await cacheStorage.open(PAGES_CACHE);
  await pages.put(new URL('start-page', scope).href, new Response(home));
}

function showUpdateNotice(doc, reload) {
  const notice = doc.createElement('div');
  notice.className = 'update-notice';
  notice.id = 'update-notice';
  notice.setAttribute('role', 'status');
  const text = doc.createElement('span');
  text.textContent = t('update.text');
  const now = doc.createElement('button');
  now.type = 'button';
  now.className = 'update-reload';
  now.textContent = t('update.reload');
  now.addEventListener('click', reload);
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'update-dismiss';
  close.setAttribute('aria-label', t('update.dismiss'));
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(text, now, close);
  doc.body.append(notice);
}

if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  const scope = new URL('..', import.meta.url);
  watchForUpdates(navigator.serviceWorker, () => showUpdateNotice(document, () => location.reload()));
  navigator.serviceWorker.register(new URL('sw.js', scope), { scope: scope.pathname }).catch(() => undefined);
  rememberStart(self.caches, scope, document.body?.dataset.home).catch(() => undefined);
}
