import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { idleStep, REPORT_EVERY_MS, WARN_MS } = await load('idle.js');

const MINUTE = 60000;
const IDLE = 15 * MINUTE;
const T0 = 1000 * MINUTE;

test('nothing happens while the person was heard of recently', () => {
  assert.deepEqual(idleStep({ activity: T0, reported: T0, now: T0 + 5 * MINUTE, idleMs: IDLE }), { action: 'none' });
});

test('activity is reported at most every half minute', () => {
  const recent = { activity: T0 + 10000, reported: T0, idleMs: IDLE };
  assert.equal(idleStep({ ...recent, now: T0 + REPORT_EVERY_MS - 1 }).action, 'none');
  assert.equal(idleStep({ ...recent, now: T0 + REPORT_EVERY_MS }).action, 'report');
});

test('a minute before the limit the page warns with the seconds left', () => {
  const quiet = { activity: T0, reported: T0, idleMs: IDLE };
  assert.equal(idleStep({ ...quiet, now: T0 + IDLE - WARN_MS - 1 }).action, 'none');
  assert.deepEqual(idleStep({ ...quiet, now: T0 + IDLE - WARN_MS }), { action: 'warn', seconds: 60 });
  assert.deepEqual(idleStep({ ...quiet, now: T0 + IDLE - 1500 }), { action: 'warn', seconds: 2 });
});

test('at the limit the person is logged off', () => {
  assert.equal(idleStep({ activity: T0, reported: T0, now: T0 + IDLE, idleMs: IDLE }).action, 'logoff');
});

test('activity not yet reported is reported instead of warning or logging off', () => {
  const typedLately = { activity: T0 + IDLE - 2 * WARN_MS, reported: T0, idleMs: IDLE };
  assert.equal(idleStep({ ...typedLately, now: T0 + IDLE - WARN_MS }).action, 'report');
  assert.equal(idleStep({ ...typedLately, now: T0 + IDLE }).action, 'report');
});

test('a logout that wiped the mark stops the watch instead of posting an automatic logoff', async (t) => {
  const { watchIdle } = await load('idle.js');
  const stored = new Map();
  const storage = {
    getItem: (key) => (stored.has(key) ? stored.get(key) : null),
    setItem: (key, value) => stored.set(key, String(value)),
    removeItem: (key) => stored.delete(key),
  };
  const posted = [];
  const navigated = [];
  t.mock.method(globalThis, 'fetch', async (url) => {
    posted.push(url);
    return { ok: true, status: 200 };
  });
  const ticks = [];
  t.mock.method(globalThis, 'setInterval', (tick) => ticks.push(tick));
  t.mock.method(globalThis, 'clearInterval', () => ticks.splice(0));
  globalThis.document = { getElementById: () => null };
  globalThis.window = { location: { assign: (url) => navigated.push(url) } };
  try {
    watchIdle({ me: 7, context: '/consultchat', idleMinutes: 15, stop: () => {}, storage });
    assert.ok(stored.has('consultchat-reported-7'));

    // The logout button wipes every key of the page before its form goes.
    stored.clear();
    ticks.forEach((tick) => tick());

    assert.deepEqual(posted, []);
    assert.deepEqual(navigated, []);
    assert.deepEqual(ticks, [], 'the watch stopped');
  } finally {
    delete globalThis.document;
    delete globalThis.window;
  }
});
