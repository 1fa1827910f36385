import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeTime, load } from './client.mjs';

globalThis.document ??= { visibilityState: 'visible' };
const { Conversation } = await load('conversation.js');
const { Announcer, GATHER_MILLIS } = await load('announce.js');

const ME = 7;
const entry = (seq, senderId, body) => ({
  conversation: 1,
  seq,
  senderId,
  senderName: senderId === ME ? 'Me' : 'Dr. Lee',
  kind: 'TEXT',
  body,
  clientId: `c${seq}`,
});

/** A conversation page whose cache held seq 1, with the announcer wired as chat.js wires it. */
function page() {
  const time = new FakeTime();
  const said = [];
  const announcer = new Announcer({ me: ME, say: (text) => said.push(text), timers: time });
  const cached = [entry(1, 2, 'from an earlier visit')];
  const conversation = new Conversation({
    id: 1,
    me: ME,
    readReceipts: true,
    store: {
      messages: async () => cached,
      conversation: async () => ({}),
      putMessages: async () => {},
      saveConversation: async () => {},
    },
    connection: { send: () => true },
    outbox: { items: async () => [], settled: async () => {} },
    view: { show() {}, showOutbox() {}, showTicks() {}, changed() {} },
    onDeleted() {},
    onNew: (message) => announcer.arrived(message),
    onCaughtUp: () => announcer.listen(),
  });
  return { conversation, time, said };
}

test('what the page opens with, from the cache and the first catch-up, is not told', async () => {
  const { conversation, time, said } = page();
  await conversation.restore();
  await conversation.history({ messages: [entry(2, 2, 'while away')], receipts: [], complete: true });
  await time.advance(GATHER_MILLIS * 2);
  assert.deepEqual(said, []);
});

test('after the first catch-up, the other side’s live message is told and one’s own is not', async () => {
  const { conversation, time, said } = page();
  await conversation.restore();
  await conversation.history({ messages: [], receipts: [], complete: true });
  await conversation.live(entry(2, ME, 'my own words'));
  await time.advance(GATHER_MILLIS);
  await conversation.live(entry(3, 2, 'Take it with food'));
  await conversation.live(entry(3, 2, 'Take it with food')); // the same entry again: not new
  await time.advance(GATHER_MILLIS);
  assert.deepEqual(said, ['New message from Dr. Lee: Take it with food']);
});

test('a catch-up after a reconnect is told as the number of messages it brought', async () => {
  const { conversation, time, said } = page();
  await conversation.restore();
  await conversation.history({ messages: [], receipts: [], complete: true });
  const missed = [entry(2, 2, 'one'), entry(3, ME, 'mine'), entry(4, 2, 'two'), entry(5, 2, 'three')];
  await conversation.history({ messages: missed, receipts: [], complete: true });
  await time.advance(GATHER_MILLIS);
  assert.deepEqual(said, ['3 new messages']);
});
