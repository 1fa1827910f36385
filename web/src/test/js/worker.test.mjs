import test from 'node:test';
import assert from 'node:assert/strict';
import { rememberStart, watchForUpdates } from '../../main/webapp/js/worker.js';

function container(controller) {
  const events = new EventTarget();
  events.controller = controller;
  return events;
}

test('a new version taking over an open page is announced once', () => {
  const workers = container({ state: 'activated' });
  let announced = 0;
  watchForUpdates(workers, () => announced++);
  workers.dispatchEvent(new Event('controllerchange'));
  workers.dispatchEvent(new Event('controllerchange'));
  assert.equal(announced, 1);
});

test('the first worker taking control of a fresh page is not an update', () => {
  const workers = container(null);
  let announced = 0;
  watchForUpdates(workers, () => announced++);
  workers.dispatchEvent(new Event('controllerchange'));
  assert.equal(announced, 0);
});

function fakeCaches() {
  const stores = new Map();
  return {
    stores,
    async open(name) {
      if (!stores.has(name)) {
        stores.set(name, new Map());
      }
      const entries = stores.get(name);
      return { put: async (key, response) => entries.set(key, await response.text()) };
    },
  };
}

test("a person's first page is kept with their pages, where the worker looks for it", async () => {
  const caches = fakeCaches();
  await rememberStart(caches, new URL('http://clinic.example/consultchat/'), '/consultchat/staff/queue.xhtml');
  assert.deepEqual(
    [...caches.stores.get('consultchat-pages-v1')],
    [['http://clinic.example/consultchat/start-page', '/consultchat/staff/queue.xhtml']],
  );
});

test('a page with no person (the login page) writes nothing', async () => {
  const caches = fakeCaches();
  await rememberStart(caches, new URL('http://clinic.example/consultchat/'), undefined);
  assert.equal(caches.stores.size, 0);
});
