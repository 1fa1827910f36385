import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { Timeline } = await load('timeline.js');
const { dropPurged, forgetInTimeline, isPurged } = await load('purged.js');

function text(seq) {
  return { conversation: 7, seq, senderId: 1, senderName: 'Ann', kind: 'TEXT', body: `m${seq}`, sentAt: '2026-01-01T10:00:00Z' };
}

test('a browser starting from nothing counts purged numbers as known and asks for nothing again', () => {
  const timeline = new Timeline();
  forgetInTimeline(timeline, [{ from: 1, to: 400 }]);
  timeline.add(text(401));
  timeline.add(text(402));

  assert.equal(timeline.contiguous, 402);
  assert.equal(timeline.missesBefore(403), false);
});

test('kept copies in purged runs are dropped; a held message between runs stays', () => {
  const timeline = new Timeline();
  [1, 2, 3, 4, 5].forEach((seq) => timeline.add(text(seq)));

  const dropped = forgetInTimeline(timeline, [{ from: 1, to: 2 }, { from: 4, to: 5 }]);

  assert.deepEqual(dropped.sort(), [1, 2, 4, 5]);
  assert.deepEqual([...timeline.messages.keys()], [3]);
  assert.equal(timeline.contiguous, 5);
  assert.equal(isPurged(3, [{ from: 1, to: 2 }]), false);
});

test('an entry that arrived live before the catch-up closes the gap once the purge is known', () => {
  const timeline = new Timeline();
  timeline.add(text(11));
  assert.equal(timeline.contiguous, 0);

  forgetInTimeline(timeline, [{ from: 1, to: 10 }]);

  assert.equal(timeline.contiguous, 11);
});

test('dropping takes purged messages off the page and out of the store', async () => {
  const timeline = new Timeline();
  [1, 2, 3].forEach((seq) => timeline.add(text(seq)));
  const forgotten = [];
  const stored = [];
  const conversation = {
    id: 7,
    timeline,
    view: { forget: (seq) => forgotten.push(seq) },
    store: { forgetRuns: async (id, runs) => stored.push([id, runs]) },
  };

  await dropPurged(conversation, [{ from: 1, to: 2 }]);
  await dropPurged(conversation, []);
  await dropPurged(conversation, undefined);

  assert.deepEqual(forgotten, [1, 2]);
  assert.deepEqual(stored, [[7, [{ from: 1, to: 2 }]]]);
});
