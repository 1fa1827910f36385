import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeTime, load } from './client.mjs';

const { TYPING_EVERY_MS, Typers, TypingSignal, typingText } = await load('typing.js');

test('the typing line names up to three people, then says several', () => {
  assert.equal(typingText([]), '');
  assert.equal(typingText(['Ann']), 'Ann is typing…');
  assert.equal(typingText(['Ann', 'Bo', 'Cy']), 'Ann, Bo, Cy are typing…');
  assert.equal(typingText(['Ann', 'Bo', 'Cy', 'Di']), 'Several people are typing…');
});

test('someone typing shows until their signal runs out, and a new signal extends it', async () => {
  const time = new FakeTime();
  const shown = [];
  const typers = new Typers((names) => shown.push(names), time);

  typers.start(2, 'Ann', 5000);
  await time.advance(4000);
  typers.start(2, 'Ann', 5000);
  await time.advance(4000);
  assert.deepEqual(shown.at(-1), ['Ann']);

  await time.advance(1000);
  assert.deepEqual(shown.at(-1), []);
});

test('their message ends their typing at once', () => {
  const time = new FakeTime();
  const shown = [];
  const typers = new Typers((names) => shown.push(names), time);
  typers.start(2, 'Ann', 5000);
  typers.start(3, 'Bo', 5000);

  typers.stop(2);

  assert.deepEqual(shown.at(-1), ['Bo']);
  assert.equal(time.timers.size, 1, 'no timer left behind for Ann');
});

test('the own typing signal goes out at most every few seconds, and only with text', () => {
  let now = 10000;
  let sent = 0;
  const signal = new TypingSignal(() => (sent += 1), () => now);

  signal.typed(false);
  signal.typed(true);
  now += TYPING_EVERY_MS - 1;
  signal.typed(true);
  now += 2;
  signal.typed(true);

  assert.equal(sent, 2);
});

test('after sending a message the next keystroke signals typing again at once', () => {
  let sent = 0;
  const signal = new TypingSignal(() => (sent += 1), () => 10000);
  signal.typed(true);

  signal.reset();
  signal.typed(true);

  assert.equal(sent, 2);
});
