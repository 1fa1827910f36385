import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { ackTimeout, reconnectDelay, restartWindowOf, retryAfterOf, MAX_RECONNECT_MS } = await load('backoff.js');

/** A small seeded generator, so a crowd's spread is the same at every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('the ack timeout starts at 35 s, past the 30 s the server retries, and doubles up to 120 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 9].map(ackTimeout), [35000, 70000, 120000, 120000, 120000, 120000]);
});

test('the retry-after of a close reason is read, anything else is not', () => {
  assert.equal(retryAfterOf('retry-after=12'), 12);
  assert.equal(retryAfterOf('shutting down; retry-after=60'), 60);
  assert.equal(retryAfterOf('retry-after=soon'), null);
  assert.equal(retryAfterOf('retry-after=-3'), null);
  assert.equal(retryAfterOf(''), null);
  assert.equal(retryAfterOf(undefined), null);
});

test('a shed or restarting server is met at a random moment within its retry-after', () => {
  for (const code of [1012, 1013]) {
    assert.equal(reconnectDelay(code, 'retry-after=10', 0, () => 0), 0);
    assert.equal(reconnectDelay(code, 'retry-after=10', 0, () => 0.5), 5000);
    assert.ok(reconnectDelay(code, 'retry-after=10', 7, () => 0.999999) < 10000);
  }
});

test('other closes back off exponentially with full jitter, capped at 60 s', () => {
  const top = () => 0.999999;
  assert.ok(reconnectDelay(1006, '', 0, top) < 1000);
  assert.ok(reconnectDelay(1006, '', 3, top) < 8000 && reconnectDelay(1006, '', 3, top) > 7900);
  assert.ok(reconnectDelay(1006, '', 6, top) < MAX_RECONNECT_MS);
  assert.ok(reconnectDelay(1006, '', 6, top) > 59000);
  assert.ok(reconnectDelay(1006, '', 1000, top) < MAX_RECONNECT_MS);
  assert.equal(reconnectDelay(1006, '', 5, () => 0), 0);
  // A restart code without a retry-after is any other abnormal close.
  assert.ok(reconnectDelay(1012, 'bye', 2, top) < 4000);
});

/** When each of a crowd of sockets gets back, for a server away `downMs` from time 0. */
function returns(count, downMs, firstClose, random) {
  const times = [];
  for (let i = 0; i < count; i++) {
    let now = 0;
    let attempt = 0;
    const windowMs = restartWindowOf(firstClose.code, firstClose.reason);
    let delay = reconnectDelay(firstClose.code, firstClose.reason, attempt, random);
    for (;;) {
      now += delay;
      if (now >= downMs) {
        times.push(now);
        break;
      }
      attempt += 1; // the handshake failed: a plain abnormal close
      delay = reconnectDelay(1006, '', attempt, random, windowMs);
    }
  }
  return times.sort((a, b) => a - b);
}

function spreadSeconds(times) {
  const p = (q) => times[Math.floor(q * (times.length - 1))];
  return (p(0.95) - p(0.05)) / 1000;
}

test('1,000 sockets of a crashed server return over at least 10 s', () => {
  for (const downMs of [10000, 30000, 120000]) {
    const times = returns(1000, downMs, { code: 1006, reason: '' }, seeded(downMs));
    const spread = spreadSeconds(times);
    console.log(`server down ${downMs / 1000} s: 90 % of 1,000 sockets return within ${spread.toFixed(1)} s`);
    assert.ok(spread >= 10, `spread ${spread} s`);
  }
});

test('1,000 sockets told retry-after=10 at a graceful restart return over about 10 s', () => {
  const times = returns(1000, 0, { code: 1012, reason: 'retry-after=10' }, seeded(42));
  assert.ok(spreadSeconds(times) >= 8.5, `spread ${spreadSeconds(times)} s`);
  assert.ok(times.at(-1) <= 10000);
  // No more than a fair share of the crowd in any one second.
  const perSecond = new Map();
  times.forEach((t) => perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) || 0) + 1));
  assert.ok(Math.max(...perSecond.values()) < 150);
});

test('a server slower to restart than its retry-after still meets the crowd spread over that window', () => {
  for (const downMs of [5000, 30000]) {
    // The window a node of 1,000 sockets gives (SessionRegistry: a second per 50 sockets, at least 15).
    const times = returns(1000, downMs, { code: 1012, reason: 'retry-after=20' }, seeded(downMs + 1));
    const first = times[0];
    const withinThree = times.filter((t) => t - first < 3000).length;
    // As the fault suite measures it: from the first socket back to the 99th percentile.
    const spread = (times[Math.floor(0.99 * (times.length - 1))] - first) / 1000;
    console.log(
      `restart of ${downMs / 1000} s after retry-after=20: back over ${spread.toFixed(1)} s, ${withinThree} of 1,000 within 3 s of the first`,
    );
    assert.ok(spread >= 10, `spread ${spread} s`);
    assert.ok(withinThree < 500, `${withinThree} within 3 s`);
  }
});

test('the window of a restart close is kept; other closes ask for none', () => {
  assert.equal(restartWindowOf(1012, 'retry-after=10'), 10000);
  assert.equal(restartWindowOf(1013, 'retry-after=3'), 3000);
  assert.equal(restartWindowOf(1006, ''), 0);
  assert.equal(restartWindowOf(1012, 'bye'), 0);
  // After a restart close, even a first failed attempt waits anywhere within the window.
  assert.ok(reconnectDelay(1006, '', 0, () => 0.999, 10000) > 9900);
});
