import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { Timeline } = await load('timeline.js');

function text(seq, body = `message ${seq}`) {
  return { conversation: 7, seq, senderId: 1, senderName: 'Ann', kind: 'TEXT', body, sentAt: `2026-01-01T10:00:0${seq % 10}Z` };
}

function edit(seq, ref, body) {
  return { conversation: 7, seq, ref, senderId: 1, kind: 'EDIT', body, sentAt: '2026-01-01T10:05:00Z' };
}

function deletion(seq, ref) {
  return { conversation: 7, seq, ref, senderId: 1, kind: 'DELETE', body: '', sentAt: '2026-01-01T10:06:00Z' };
}

test('entries from the cache, catch-up and the live stream count once, whichever comes first', () => {
  const timeline = new Timeline();
  const cached = [text(1), text(2)];
  const history = [text(2), text(3), text(4)];
  const live = text(3);

  const taken = [...cached, live, ...history].map((entry) => timeline.add(entry) !== null);

  assert.deepEqual(taken, [true, true, true, false, false, true]);
  assert.equal(timeline.contiguous, 4);
  assert.deepEqual([...timeline.messages.keys()].sort(), [1, 2, 3, 4]);
});

test('the contiguous mark stops at the first missing seq and moves on once it arrives', () => {
  const timeline = new Timeline();
  [1, 2, 4, 5].forEach((seq) => timeline.add(text(seq)));
  assert.equal(timeline.contiguous, 2);

  timeline.add(text(3));

  assert.equal(timeline.contiguous, 5);
});

test('a live entry beyond the next expected seq shows a gap; the next one or a repeat does not', () => {
  const timeline = new Timeline();
  assert.equal(timeline.missesBefore(1), false, 'the first entry of an empty conversation');
  [1, 2].forEach((seq) => timeline.add(text(seq)));

  assert.equal(timeline.missesBefore(3), false);
  assert.equal(timeline.missesBefore(2), false);
  assert.equal(timeline.missesBefore(4), true);
});

test('a gap stays a gap until catch-up fills it, even when later entries arrived meanwhile', () => {
  const timeline = new Timeline();
  [1, 2, 4].forEach((seq) => timeline.add(text(seq)));
  assert.equal(timeline.missesBefore(5), true);

  timeline.add(text(3));

  assert.equal(timeline.missesBefore(5), false);
});

test('an edit changes the text of its message and marks it edited', () => {
  const timeline = new Timeline();
  timeline.add(text(1, 'see you at nigt'));

  const result = timeline.add(edit(2, 1, 'see you at night'));

  assert.equal(result.changed.body, 'see you at night');
  assert.equal(result.changed.editedAt, '2026-01-01T10:05:00Z');
  assert.equal(timeline.message(1).body, 'see you at night');
  assert.equal(timeline.contiguous, 2, 'changes have their own seq');
});

test('a deletion empties the message and the text of its earlier edits, so no copy stays behind', () => {
  const timeline = new Timeline();
  timeline.add(text(1, 'my address'));
  timeline.add(edit(2, 1, 'my new address'));

  const result = timeline.add({ ...deletion(3, 1), removedByModerator: true });

  assert.equal(result.changed.body, '');
  assert.equal(result.changed.deletedAt, '2026-01-01T10:06:00Z');
  assert.equal(result.changed.removedByModerator, true);
  assert.deepEqual(result.blanked.map((e) => [e.seq, e.body]), [[2, '']]);
  assert.equal(timeline.changes.get(2).body, '');
});

test('a change to a message this browser does not hold, or one already deleted, changes nothing', () => {
  const timeline = new Timeline();
  timeline.add(text(5));
  timeline.add(deletion(6, 5));

  assert.deepEqual(timeline.add(edit(7, 5, 'too late')), { change: edit(7, 5, 'too late'), changed: null, blanked: [] });
  assert.equal(timeline.add(edit(8, 2, 'older than the cache')).changed, null);
  assert.equal(timeline.message(5).body, '');
});

test("a file's update changes its kind and verification and keeps its name", () => {
  const timeline = new Timeline();
  const file = { id: 9, name: 'blood.pdf', type: 'application/pdf', size: 100, kind: 'OTHER' };
  timeline.add({ ...text(1, ''), kind: 'FILE', file });
  const update = {
    conversation: 7,
    seq: 2,
    ref: 1,
    senderId: 2,
    kind: 'FILE_UPDATE',
    body: 'VERIFIED',
    file: { id: 9, name: null, kind: 'LAB_RESULT', verifiedById: 2, verifiedBy: 'Dr Who', verifiedAt: '2026-11-29T14:02:00Z' },
  };

  const { changed } = timeline.add(update);

  assert.equal(changed.file.name, 'blood.pdf');
  assert.equal(changed.file.kind, 'LAB_RESULT');
  assert.equal(changed.file.verifiedBy, 'Dr Who');
  assert.equal(timeline.message(1).file.verifiedAt, '2026-11-29T14:02:00Z');
});
