// Lets a logged-in person reload ConsultChat while offline: pages and their scripts and styles are
// fetched from the network first and kept, so that without a network the last copy is shown. Nothing
// is cached for the HTTP API or the socket; everything is deleted at logout with the rest of the data.
// Transcripts and administration pages are never kept: each view must reach the server, which writes it
// to the audit log, and copies of every patient's data have no business in a browser. Nor are search
// results (an administrator's are audited, and the address holds the words searched for): only the empty
// search page is kept, and offline every search address opens it, to search what the browser keeps.
const CACHE = 'consultchat-pages-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (
    request.method !== 'GET' ||
    url.origin !== self.location.origin ||
    url.pathname.includes('/api/') ||
    url.pathname.includes('/ws/') ||
    url.pathname.includes('/admin/') ||
    url.pathname.endsWith('/consultation/transcript.xhtml') ||
    url.pathname.endsWith('/login.xhtml') ||
    url.pathname.endsWith('/sw.js')
  ) {
    return;
  }
  if (url.pathname.endsWith('/search/index.xhtml')) {
    event.respondWith(searchPage(request, url));
    return;
  }
  event.respondWith(networkFirst(request));
});

async function searchPage(request, url) {
  const empty = `${url.origin}${url.pathname}`;
  if (url.search) {
    try {
      return await fetch(request);
    } catch (offline) {
      const cached = await caches.match(empty);
      if (cached) {
        return cached;
      }
      throw offline;
    }
  }
  return networkFirst(request);
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    // A redirect to the login page is not the page that was asked for: never keep it under its name.
    if (response.ok && !response.redirected && response.type === 'basic') {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
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
