import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeTime, load } from './client.mjs';

const { Announcer, GATHER_MILLIS, announcement, firstWords, speaker } = await load('announce.js');

const ME = 7;
const from = (senderId, senderName, body, extra = {}) => ({ senderId, senderName, body, ...extra });

function announcer() {
  const time = new FakeTime();
  const said = [];
  const a = new Announcer({ me: ME, say: (text) => said.push(text), timers: time });
  a.listen();
  return { a, time, said };
}

test('one message is told by its sender and its first words', () => {
  assert.equal(
    announcement([from(2, 'Dr. Ann Lee', 'Please take the tablets with food')]),
    'New message from Dr. Ann Lee: Please take the tablets with food',
  );
});

test('a long message is cut after a dozen words, and a very long word after 90 characters', () => {
  const words = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
  assert.equal(firstWords(words), 'one two three four five six seven eight nine ten eleven twelve…');
  assert.equal(firstWords('  short   and spaced  '), 'short and spaced');
  const long = firstWords('x'.repeat(200));
  assert.equal(long, `${'x'.repeat(90)}…`);
});

test('a file without text is told as a file, and a message without a name still names someone', () => {
  assert.equal(
    announcement([from(2, 'Ann', '', { file: { name: 'rash.jpg' } })]),
    'New message from Ann: a file, rash.jpg',
  );
  assert.equal(announcement([from(2, '', 'Hello')]), 'New message from someone: Hello');
  assert.equal(announcement([]), '');
});

test('another person’s message is told once the gathering moment is over', async () => {
  const { a, time, said } = announcer();
  a.arrived(from(2, 'Ann', 'How are you today?'));
  assert.deepEqual(said, []);
  await time.advance(GATHER_MILLIS);
  assert.deepEqual(said, ['New message from Ann: How are you today?']);
});

test('this person’s own messages and deleted ones are never told', async () => {
  const { a, time, said } = announcer();
  a.arrived(from(ME, 'Me', 'I wrote this'));
  a.arrived(from(2, 'Ann', 'gone', { deletedAt: '2026-01-01T00:00:00Z' }));
  await time.advance(GATHER_MILLIS * 3);
  assert.deepEqual(said, []);
});

test('a burst of messages is told as their number, not one by one', async () => {
  const { a, time, said } = announcer();
  for (let i = 0; i < 40; i += 1) {
    a.arrived(from(2 + (i % 3), 'Someone', `message ${i}`));
  }
  a.arrived(from(ME, 'Me', 'mine is not counted'));
  await time.advance(GATHER_MILLIS);
  assert.deepEqual(said, ['40 new messages']);
  a.arrived(from(2, 'Ann', 'and one more'));
  await time.advance(GATHER_MILLIS);
  assert.deepEqual(said, ['40 new messages', 'New message from Ann: and one more']);
});

test('what the page holds when it opens is not told: nothing before listen()', async () => {
  const time = new FakeTime();
  const said = [];
  const a = new Announcer({ me: ME, say: (text) => said.push(text), timers: time });
  a.arrived(from(2, 'Ann', 'from the cache'));
  await time.advance(GATHER_MILLIS * 2);
  assert.deepEqual(said, []);
  a.listen();
  a.arrived(from(2, 'Ann', 'live now'));
  await time.advance(GATHER_MILLIS);
  assert.deepEqual(said, ['New message from Ann: live now']);
});

test('the live region is emptied and then filled, so the same sentence is read again', async () => {
  const time = new FakeTime();
  const region = { textContent: '2 new messages' };
  const say = speaker(region, time);
  say('2 new messages');
  assert.equal(region.textContent, '');
  await time.advance(100);
  assert.equal(region.textContent, '2 new messages');
});
