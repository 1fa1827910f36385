import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { activityKey, clearResume, markResume, recordActivity, resumeAccount, sessionEnd, watchActivity } =
  await load('session.js');

class FakeStorage {
  constructor() {
    this.values = new Map();
  }
  getItem(key) {
    return this.values.has(key) ? this.values.get(key) : null;
  }
  setItem(key, value) {
    this.values.set(key, String(value));
  }
  removeItem(key) {
    this.values.delete(key);
  }
}

const MINUTE = 60000;

test('a session that ends while the person was active was lost, not logged off', () => {
  const storage = new FakeStorage();
  recordActivity(7, { storage, now: 100 * MINUTE });
  assert.equal(sessionEnd(7, 30, { storage, now: 100 * MINUTE + 29 * MINUTE }), 'lost');
  assert.equal(sessionEnd(7, 30, { storage, now: 100 * MINUTE + 30 * MINUTE }), 'logoff');
  assert.equal(sessionEnd(7, 30, { storage, now: 100 * MINUTE + 300 * MINUTE }), 'logoff');
});

test("activity is the account's own: another person's activity on the device does not count", () => {
  const storage = new FakeStorage();
  recordActivity(8, { storage, now: 100 * MINUTE });
  assert.equal(sessionEnd(7, 30, { storage, now: 101 * MINUTE }), 'logoff');
});

test('without a record of activity the end is a logoff; without a timeout it is a loss', () => {
  const storage = new FakeStorage();
  assert.equal(sessionEnd(7, 30, { storage, now: 5 }), 'logoff');
  assert.equal(sessionEnd(7, 0, { storage, now: 5 }), 'lost');
});

test('storage that refuses is a missing record, not a failure', () => {
  const refusing = {
    getItem() {
      throw new Error('SecurityError');
    },
    setItem() {
      throw new Error('QuotaExceededError');
    },
    removeItem() {
      throw new Error('SecurityError');
    },
  };
  recordActivity(7, { storage: refusing, now: 1 });
  markResume(7, refusing);
  clearResume(refusing);
  assert.equal(sessionEnd(7, 30, { storage: refusing, now: 2 }), 'logoff');
  assert.equal(resumeAccount(refusing), 0);
});

test('the resume mark names one account until it is cleared', () => {
  const storage = new FakeStorage();
  assert.equal(resumeAccount(storage), 0);
  markResume(42, storage);
  assert.equal(resumeAccount(storage), 42);
  clearResume(storage);
  assert.equal(resumeAccount(storage), 0);
  storage.setItem('consultchat-resume', 'not an account');
  assert.equal(resumeAccount(storage), 0);
});

test('loading the page, keys, clicks and touches count as activity, written at most every 5 s', () => {
  const storage = new FakeStorage();
  const page = new EventTarget();
  let now = 1000;
  watchActivity(9, { target: page, storage, clock: () => now });
  assert.equal(storage.getItem(activityKey(9)), '1000');
  now = 4000;
  page.dispatchEvent(new Event('keydown'));
  assert.equal(storage.getItem(activityKey(9)), '1000');
  now = 6000;
  page.dispatchEvent(new Event('pointerdown'));
  assert.equal(storage.getItem(activityKey(9)), '6000');
  now = 20000;
  page.dispatchEvent(new Event('touchstart'));
  assert.equal(storage.getItem(activityKey(9)), '20000');
  now = 40000;
  page.dispatchEvent(new Event('scroll'));
  assert.equal(storage.getItem(activityKey(9)), '20000', 'a page scrolled by itself is not the person');
});
