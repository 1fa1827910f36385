// ConsultChat's service worker: the app opens, and the pages a person has seen reload, without a
// network. It keeps two caches:
// - the shell, `consultchat-shell-<version>`: the login and offline pages, scripts, styles, icons and
//   the manifest. It holds nobody's data, so it outlives a logout; each new version of the application
//   replaces it.
// - the pages, `consultchat-pages-v1`: the logged-in person's pages as last seen. Deleted at logout and
//   at the login page with the rest of the person's data (store.js).
// Everything goes to the network first, so an update shows on the next page load; a cache answers only
// when the network does not. Nothing is cached for the HTTP API or the socket. Transcripts and
// administration pages are never kept: each view must reach the server, which writes it to the audit
// log, and copies of every patient's data have no business in a browser. Nor are search results (an
// administrator's are audited, and the address holds the words searched for): only the empty search
// page is kept, and offline every search address opens it, to search what the browser keeps.
const VERSION = '@service.worker.version@';
const SHELL = `consultchat-shell-${VERSION}`;
const PAGES = 'consultchat-pages-v1';
const SCOPE = new URL(self.registration.scope);
const OFFLINE_PAGE = new URL('offline.xhtml', SCOPE).href;
const LOGIN_PAGE = new URL('login.xhtml', SCOPE).href;
// Where the start address leads the person logged in (their queue or their consultations), written by
// their pages (worker.js) and kept with them, so that it goes at logout too. An address the server
// never serves, so no page is stored there. (The start address itself answers with a redirect, which
// a worker sees only as opaque.)
const HOME_KEY = new URL('start-page', SCOPE).href;
const SHELL_PAGES = [OFFLINE_PAGE, LOGIN_PAGE];
const SHELL_FILES = ['manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png'];
const PUBLIC_PAGES = ['login.xhtml', 'offline.xhtml', 'signup.xhtml', 'privacy.xhtml'];
const ASSETS = ['jakarta.faces.resource/', 'js/', 'resources/', 'icons/'];

self.addEventListener('install', (event) => event.waitUntil(precache().then(() => self.skipWaiting())));

self.addEventListener('activate', (event) =>
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('consultchat-shell-') && n !== SHELL).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  ),
);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || neverKept(url)) {
    return;
  }
  if (relative(url) === 'search/index.xhtml') {
    event.respondWith(searchPage(request, url));
    return;
  }
  event.respondWith(request.mode === 'navigate' ? page(request, url) : networkFirst(request, cacheFor(url)));
});

/** The search page: kept empty only; a search's answer goes straight from the network. */
async function searchPage(request, url) {
  if (!url.search) {
    return page(request, url);
  }
  try {
    return await fetch(request);
  } catch (offline) {
    const empty = (await caches.match(`${url.origin}${url.pathname}`, { cacheName: PAGES })) || (await caches.match(OFFLINE_PAGE, { cacheName: SHELL }));
    if (empty) {
      return empty;
    }
    throw offline;
  }
}

function relative(url) {
  return url.pathname.startsWith(SCOPE.pathname) ? url.pathname.slice(SCOPE.pathname.length) : null;
}

function neverKept(url) {
  const path = relative(url);
  return (
    path === null ||
    path.startsWith('api/') ||
    path.startsWith('ws/') ||
    path.startsWith('admin/') ||
    path === 'consultation/transcript.xhtml' ||
    path === 'sw.js'
  );
}

function isStart(url) {
  const path = relative(url);
  return path === '' || path === 'index.xhtml';
}

function cacheFor(url) {
  const path = relative(url);
  return PUBLIC_PAGES.includes(path) || ASSETS.some((prefix) => path.startsWith(prefix)) ? SHELL : PAGES;
}

/** A page: the network's answer, kept; without a network the kept copy or the offline page. */
async function page(request, url) {
  try {
    const response = await fetch(request);
    // A redirect (to the login page, say) is not what was asked for: never keep it under its name.
    if (usable(response) && !response.redirected) {
      await keep(cacheFor(url), request, response.clone());
    }
    return response;
  } catch (offline) {
    const answer =
      (await caches.match(request)) ||
      (cacheFor(url) === SHELL && (await caches.match(request, { cacheName: SHELL, ignoreSearch: true }))) ||
      (isStart(url) && (await start())) ||
      (await caches.match(OFFLINE_PAGE, { cacheName: SHELL }));
    if (answer) {
      return answer;
    }
    throw offline;
  }
}

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (usable(response) && !response.redirected) {
      await keep(cacheName, request, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(request);
    if (cached) {
      return cached;
    }
    throw offline;
  }
}

function usable(response) {
  return response.ok && response.type === 'basic';
}

async function keep(cacheName, request, response) {
  const cache = await caches.open(cacheName);
  await cache.put(request, response);
}

/**
 * Offline at the start address: the person's first page if kept (pages of administrators never are:
 * the offline page then), or the login page for someone logged out.
 */
async function start() {
  const home = await caches.match(HOME_KEY, { cacheName: PAGES });
  if (!home) {
    return caches.match(LOGIN_PAGE, { cacheName: SHELL });
  }
  return caches.match(new URL(await home.text(), SCOPE).href, { cacheName: PAGES });
}

/**
 * The shell, with what its two pages load. The offline page must be there for the worker to install;
 * the rest is taken as it comes (a person in the middle of a required step, say, is sent elsewhere).
 */
async function precache() {
  const cache = await caches.open(SHELL);
  await Promise.all([
    shellPage(cache, OFFLINE_PAGE, true),
    shellPage(cache, LOGIN_PAGE, false),
    ...SHELL_FILES.map((file) => cache.add(new URL(file, SCOPE).href).catch(() => undefined)),
  ]);
}

async function shellPage(cache, address, required) {
  try {
    const response = await fetch(address, { cache: 'reload', credentials: 'same-origin' });
    if (!usable(response) || response.redirected) {
      throw new Error(`The shell page ${address} answered ${response.status}`);
    }
    const html = await response.clone().text();
    await cache.put(address, response);
    await Promise.all(
      assetsOf(html, address).map((asset) => cache.add(asset).catch(() => undefined)),
    );
  } catch (failure) {
    if (required) {
      throw failure;
    }
  }
}

/** The same-origin scripts, styles and icons a page of ours names. */
function assetsOf(html, base) {
  const found = new Set();
  for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const url = new URL(match[1].replaceAll('&amp;', '&'), base);
    if (url.origin === self.location.origin && !neverKept(url) && cacheFor(url) === SHELL) {
      const path = relative(url);
      if (ASSETS.some((prefix) => path.startsWith(prefix))) {
        found.add(url.href);
      }
    }
  }
  return [...found];
}
