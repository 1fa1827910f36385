import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { searchLocal, parseQuery } = await load('local-search.js');

let next = 0;
function post(body, extra = {}) {
  next += 1;
  return { conversation: 7, seq: next, senderId: 1, senderName: 'Ann', kind: 'TEXT', body, sentAt: '2026-11-02T10:00:00Z', ...extra };
}

function bodies(hits) {
  return hits.map((hit) => hit.message.body);
}

function marked(hit) {
  return hit.parts.filter((part) => part.match).map((part) => part.text);
}

test('every word must occur, in any case and without its accents, as a word or its start', () => {
  const kept = [post('High FEVER since Monday'), post('Fièvre depuis lundi'), post('The fever is gone'), post('A cough')];

  assert.deepEqual(bodies(searchLocal(kept, 'fever monday')), ['High FEVER since Monday']);
  assert.deepEqual(bodies(searchLocal(kept, 'fievre')), ['Fièvre depuis lundi']);
  assert.deepEqual(bodies(searchLocal(kept, 'feve')).sort(), ['High FEVER since Monday', 'The fever is gone']);
  assert.deepEqual(bodies(searchLocal(kept, 'ever')), [], 'the middle of a word is no match');
});

test('a phrase must occur as written and a minus excludes', () => {
  const kept = [post('the fever is high'), post('high fever today'), post('fever, no cough')];

  assert.deepEqual(bodies(searchLocal(kept, '"high fever"')), ['high fever today']);
  assert.deepEqual(bodies(searchLocal(kept, 'fever -cough')).sort(), ['high fever today', 'the fever is high']);
});

test('edits, deletions and deleted messages are never found; an edited message by its new text', () => {
  const kept = [
    post('fever, now edited', { editedAt: '2026-11-02T10:01:00Z' }),
    post('fever', { kind: 'EDIT', ref: 1 }),
    post('', { deletedAt: '2026-11-02T10:02:00Z' }),
    post('fever that was deleted', { deletedAt: '2026-11-02T10:02:00Z' }),
    post('', { kind: 'DELETE', ref: 3 }),
  ];

  assert.deepEqual(bodies(searchLocal(kept, 'fever')), ['fever, now edited']);
});

test('filters: conversation, own messages, days and files', () => {
  const kept = [
    post('fever in seven'),
    post('fever in eight', { conversation: 8 }),
    post('fever from me', { senderId: 5 }),
    post('fever long ago', { sentAt: '2025-01-01T10:00:00Z' }),
    post('fever scan', { kind: 'FILE', file: { id: 3, name: 'scan.pdf' } }),
  ];

  assert.deepEqual(bodies(searchLocal(kept, 'fever', { conversation: 8 })), ['fever in eight']);
  assert.deepEqual(bodies(searchLocal(kept, 'fever', { mine: true, me: 5 })), ['fever from me']);
  assert.deepEqual(
    bodies(searchLocal(kept, 'fever', { until: Date.parse('2026-01-01T00:00:00Z') })),
    ['fever long ago'],
  );
  assert.equal(searchLocal(kept, 'fever', { since: Date.parse('2026-01-01T00:00:00Z') }).length, 4);
  assert.deepEqual(bodies(searchLocal(kept, 'fever', { withFile: true })), ['fever scan']);
  assert.deepEqual(bodies(searchLocal(kept, 'scan.pdf')), ['fever scan'], 'a file is found by its name');
});

test('more occurrences rank first, then newer', () => {
  const kept = [
    post('fever', { sentAt: '2026-11-01T10:00:00Z' }),
    post('fever and fever again', { sentAt: '2026-10-01T10:00:00Z' }),
    post('fever today', { sentAt: '2026-11-03T10:00:00Z' }),
  ];

  assert.deepEqual(bodies(searchLocal(kept, 'fever')), ['fever and fever again', 'fever today', 'fever']);
});

test('the snippet is plain text parts with whole matching words marked, markup left as text', () => {
  const [hit] = searchLocal([post('<img src=x onerror=alert(1)> Fevers since Monday')], 'fever');

  assert.deepEqual(marked(hit), ['Fevers']);
  assert.equal(hit.parts.map((part) => part.text).join(''), '<img src=x onerror=alert(1)> Fevers since Monday');
});

test('a long message is cut around its first match', () => {
  const long = `${'a '.repeat(200)}fever${' b'.repeat(200)}`;
  const [hit] = searchLocal([post(long)], 'fever');

  assert.equal(hit.parts[0].text, '… ');
  assert.equal(hit.parts[hit.parts.length - 1].text, ' …');
  assert.deepEqual(marked(hit), ['fever']);
});

test('blank words or only exclusions find nothing; words split as the server splits them', () => {
  assert.deepEqual(searchLocal([post('fever')], '   '), []);
  assert.deepEqual(searchLocal([post('fever')], '-cough'), []);
  assert.deepEqual(parseQuery('e-mail "Two  Words"').map((t) => t.text), ['e', 'mail', 'two words']);
});
