import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeStore, FakeTime, load, settle } from './client.mjs';

const { Outbox, BATCH_LIMIT, SOCKET_WINDOW } = await load('outbox.js');

/**
 * The server as the outbox meets it: stores a client id once, numbers in arrival order, and answers
 * each frame (a repeat gets the original's ack). While stalled it holds frames and answers later.
 */
class FakeServer {
  constructor() {
    this.stored = []; // client ids in seq order
    this.received = [];
    this.held = [];
    this.stalled = false;
    this.answers = [];
  }
  take(frame) {
    this.received.push(frame);
    if (this.stalled) {
      this.held.push(frame);
      return null;
    }
    return this.store(frame);
  }
  store(frame) {
    if (!this.stored.includes(frame.clientId)) {
      this.stored.push(frame.clientId);
    }
    return { type: 'ack', clientId: frame.clientId, seq: this.stored.indexOf(frame.clientId) + 1 };
  }
  resume() {
    this.stalled = false;
    const held = this.held;
    this.held = [];
    return held.map((frame) => this.store(frame));
  }
  sends(clientId) {
    return this.received.filter((f) => f.clientId === clientId).length;
  }
}

/** A socket: frames go out at once, answers come back later as separate frames. */
class FakeSocket {
  constructor(server) {
    this.server = server;
    this.ready = false;
    this.transmits = [];
    this.pendingAnswers = [];
  }
  async transmit(frames) {
    if (!this.ready) {
      return { sent: false };
    }
    this.transmits.push(frames);
    frames.forEach((frame) => {
      const answer = this.server.take(frame);
      if (answer) {
        this.pendingAnswers.push(answer);
      }
    });
    return { sent: true };
  }
}

function setUp({ connection, time = new FakeTime(), store = new FakeStore() } = {}) {
  const server = connection?.server ?? new FakeServer();
  const socket = connection ?? new FakeSocket(server);
  let uuid = 0;
  // Readable client ids; also gives Node versions without a global crypto the one call used.
  Object.defineProperty(globalThis, 'crypto', {
    value: { randomUUID: () => `id-${String(++uuid).padStart(4, '0')}` },
    configurable: true,
    writable: true,
  });
  const outbox = new Outbox({
    store,
    connection: socket,
    accountId: 7,
    clock: time.clock,
    timers: time,
    locks: null,
    channel: null,
  });
  outbox.start();
  return { outbox, socket, server, time, store };
}

/** Hands the answers that reached the page to the outbox, as chat.js does. */
async function deliver(outbox, answers) {
  for (const answer of answers.splice(0)) {
    if (answer.type === 'ack') {
      await outbox.settled(answer.clientId);
    } else if (answer.type === 'error') {
      await outbox.refused(answer.clientId, answer.code, answer.message, answer.retryAfter);
    }
  }
  await settle();
}

async function write(outbox, time, texts) {
  const items = [];
  for (const text of texts) {
    items.push(await outbox.add(1, text, 'TEXT'));
    await settle();
  }
  return items;
}

test('items written while connected go out once each, in the order written', async () => {
  const { outbox, socket, server, time } = setUp();
  socket.ready = true;
  await outbox.resendAll();
  await write(outbox, time, ['one', 'two', 'three']);
  // Every change, echo and other tab's news makes the outbox look again: nothing goes twice.
  for (let i = 0; i < 10; i++) {
    outbox.pump();
    outbox.changed();
  }
  await settle();
  assert.deepEqual(
    server.received.map((f) => f.body),
    ['one', 'two', 'three'],
  );
  await deliver(outbox, socket.pendingAnswers);
  assert.deepEqual((await outbox.items()).length, 0);
  assert.equal(time.timers.size, 0, 'nothing left to resend, so no timer');
});

test('items written without a connection wait, then leave in order when a socket is ready', async () => {
  const { outbox, socket, server, time } = setUp();
  await write(outbox, time, ['first', 'second', 'third']);
  assert.equal(server.received.length, 0);
  socket.ready = true;
  await outbox.resendAll();
  assert.equal(socket.transmits.length, 1);
  assert.deepEqual(
    socket.transmits[0].map((f) => f.body),
    ['first', 'second', 'third'],
  );
  assert.deepEqual(
    socket.transmits[0].map((f) => f.type),
    ['send', 'send', 'send'],
  );
});

test('two items written in the same millisecond keep their order', async () => {
  const { outbox, socket, server, time } = setUp();
  const first = await outbox.add(1, 'a', 'TEXT');
  const second = await outbox.add(1, 'b', 'TEXT');
  assert.ok(second.createdAt > first.createdAt);
  socket.ready = true;
  await outbox.resendAll();
  assert.deepEqual(server.received.map((f) => f.body), ['a', 'b']);
  assert.equal(time.now, 0);
});

test('a new socket resends what the old one left unacknowledged, once', async () => {
  const { outbox, socket, server, time } = setUp();
  socket.ready = true;
  await outbox.resendAll();
  const [item] = await write(outbox, time, ['lost with the socket']);
  socket.pendingAnswers.length = 0; // the socket dropped before the answer
  socket.ready = false;
  await time.advance(1000);
  outbox.changed();
  await settle();
  assert.equal(server.sends(item.clientId), 1);
  socket.ready = true;
  await outbox.resendAll();
  assert.equal(server.sends(item.clientId), 2);
  outbox.changed();
  await settle();
  assert.equal(server.sends(item.clientId), 2);
});

test('an unanswered item goes again after 35 s, then 70 and every 120 s', async () => {
  const { outbox, socket, server, time } = setUp();
  socket.ready = true;
  await outbox.resendAll();
  server.stalled = true;
  const [item] = await write(outbox, time, ['no answer']);
  const sendTimes = [];
  const record = () => sendTimes.push(time.now);
  const original = socket.transmit.bind(socket);
  socket.transmit = async (frames) => {
    record();
    return original(frames);
  };
  sendTimes.push(0);
  await time.advance(34999);
  assert.equal(server.sends(item.clientId), 1);
  await time.advance(465_000 - 34999);
  assert.deepEqual(sendTimes, [0, 35000, 105000, 225000, 345000, 465000]);
});

for (const code of ['busy', 'rate-limited']) {
  test(`a ${code} refusal sends that same item again after the pause the server asked for`, async () => {
    const { outbox, socket, server, time } = setUp();
    socket.ready = true;
    await outbox.resendAll();
    server.stalled = true;
    const [item] = await write(outbox, time, ['refused now']);
    await time.advance(1000);
    await deliver(outbox, [
      { type: 'error', code, message: code, clientId: item.clientId, retryAfter: 3 },
    ]);
    await time.advance(2999);
    assert.equal(server.sends(item.clientId), 1);
    await time.advance(1);
    assert.equal(server.sends(item.clientId), 2);
    assert.deepEqual(
      server.received.map((f) => f.clientId),
      [item.clientId, item.clientId],
    );
  });
}

test('items refused as sent too fast go again once each, in the order written', async () => {
  const { outbox, socket, server, time } = setUp();
  socket.ready = true;
  await outbox.resendAll();
  server.stalled = true;
  const items = await write(outbox, time, ['one', 'two', 'three']);
  await deliver(
    outbox,
    items.map((item) => ({
      type: 'error',
      code: 'rate-limited',
      message: 'wait',
      clientId: item.clientId,
      retryAfter: 5,
    })),
  );
  await time.advance(5000);
  const ids = items.map((item) => item.clientId);
  assert.deepEqual(server.received.map((f) => f.clientId), [...ids, ...ids]);
});

test('a permanent refusal waits for the person; another refusal waits for the ack timeout', async () => {
  const { outbox, socket, server, time } = setUp();
  socket.ready = true;
  await outbox.resendAll();
  server.stalled = true;
  const [refused, transient] = await write(outbox, time, ['too long', 'server hiccup']);
  await deliver(outbox, [
    { type: 'error', code: 'invalid', message: 'Too long.', clientId: refused.clientId },
    { type: 'error', code: 'server', message: 'Try again.', clientId: transient.clientId },
  ]);
  const failed = (await outbox.items()).find((i) => i.clientId === refused.clientId);
  assert.equal(failed.state, 'failed');
  assert.equal(failed.error, 'Too long.');
  await time.advance(34000);
  assert.equal(server.sends(transient.clientId), 1);
  await time.advance(1000);
  assert.equal(server.sends(transient.clientId), 2);
  await time.advance(600_000);
  assert.equal(server.sends(refused.clientId), 1, 'a refused item is never sent by itself');

  await outbox.retry(refused.clientId);
  await settle();
  const renamed = server.received.at(-1);
  assert.equal(renamed.body, 'too long');
  assert.notEqual(renamed.clientId, refused.clientId);
});

/** Polling: each transmit is one POST whose answers arrive with its response. */
class FakePolling {
  constructor(server) {
    this.server = server;
    this.polling = true;
    this.ready = false;
    this.posts = [];
    this.inFlight = 0;
    this.maxInFlight = 0;
    this.responses = [];
    this.outbox = null;
    this.status = 200;
    this.retryAfter = undefined;
  }
  transmit(frames) {
    if (!this.ready) {
      return Promise.resolve({ sent: false });
    }
    this.posts.push(frames.map((f) => f.body));
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve) => {
      this.responses.push(async () => {
        this.inFlight -= 1;
        if (this.status === 503) {
          resolve({ sent: true, retryAfter: this.retryAfter });
          return;
        }
        const answers = frames.map((frame) => this.server.take(frame)).filter(Boolean);
        await deliver(this.outbox, answers);
        resolve({ sent: true });
      });
    });
  }
  /** The server answers the oldest request in flight. */
  async answer() {
    await this.responses.shift()();
    await settle();
  }
}

test('over polling, everything due leaves in one ordered request, and the next waits for its answer', async () => {
  const server = new FakeServer();
  const polling = new FakePolling(server);
  const { outbox, time } = setUp({ connection: polling });
  polling.outbox = outbox;
  await write(outbox, time, ['1', '2', '3']);
  polling.ready = true;
  outbox.resendAll(); // resolves when the request is answered
  await settle();
  assert.deepEqual(polling.posts, [['1', '2', '3']]);
  await write(outbox, time, ['4', '5']);
  assert.equal(polling.posts.length, 1, 'a second request could overtake the first');
  await polling.answer();
  assert.deepEqual(polling.posts, [['1', '2', '3'], ['4', '5']]);
  await polling.answer();
  assert.equal(polling.maxInFlight, 1);
  assert.deepEqual(server.stored.map((id) => server.received.find((f) => f.clientId === id).body), [
    '1',
    '2',
    '3',
    '4',
    '5',
  ]);
  assert.equal((await outbox.items()).length, 0);
});

test('over polling, a 503 with Retry-After sends the whole batch again after that pause', async () => {
  const server = new FakeServer();
  const polling = new FakePolling(server);
  const { outbox, time } = setUp({ connection: polling });
  polling.outbox = outbox;
  await write(outbox, time, ['a', 'b']);
  polling.ready = true;
  polling.status = 503;
  polling.retryAfter = 5;
  outbox.resendAll();
  await settle();
  await polling.answer();
  await time.advance(4999);
  assert.equal(polling.posts.length, 1);
  polling.status = 200;
  await time.advance(1);
  assert.deepEqual(polling.posts, [['a', 'b'], ['a', 'b']]);
  await polling.answer();
  assert.equal((await outbox.items()).length, 0);
});

test(`over polling, a long outbox leaves in ordered requests of at most ${BATCH_LIMIT}`, async () => {
  const server = new FakeServer();
  const polling = new FakePolling(server);
  const { outbox, time } = setUp({ connection: polling });
  polling.outbox = outbox;
  const texts = Array.from({ length: 150 }, (_, i) => String(i));
  await write(outbox, time, texts);
  polling.ready = true;
  outbox.resendAll();
  await settle();
  await polling.answer();
  await polling.answer();
  assert.deepEqual(polling.posts.map((p) => p.length), [100, 50]);
  assert.deepEqual(polling.posts.flat(), texts);
});

test('a tab that does not hold the lock sends nothing until it does', async () => {
  const time = new FakeTime();
  const server = new FakeServer();
  const socket = new FakeSocket(server);
  socket.ready = true;
  let grant;
  const outbox = new Outbox({
    store: new FakeStore(),
    connection: socket,
    accountId: 7,
    clock: time.clock,
    timers: time,
    locks: { request: (name, held) => (grant = held) },
    channel: null,
  });
  outbox.start();
  await write(outbox, time, ['from a second tab']);
  await outbox.resendAll();
  assert.equal(server.received.length, 0);
  grant();
  await settle();
  assert.deepEqual(server.received.map((f) => f.body), ['from a second tab']);
});

for (const stallSeconds of [20, 25]) {
  test(`20 messages written during a ${stallSeconds} s stall cost at most 2 frames each, and are stored once in order`, async () => {
    const { outbox, socket, server, time } = setUp();
    socket.ready = true;
    await outbox.resendAll();
    server.stalled = true;
    const texts = Array.from({ length: 20 }, (_, i) => `message ${i + 1}`);
    for (const text of texts) {
      await outbox.add(1, text, 'TEXT');
      // Echoes, receipts and a second tab make the outbox look again, many times a second.
      for (let i = 0; i < 5; i++) {
        outbox.changed();
      }
      await time.advance(1000);
    }
    await time.advance((stallSeconds - 20) * 1000);
    assert.equal(time.now, stallSeconds * 1000);
    // The stall ends: the server stores what it held and answers everything, as it does.
    await deliver(outbox, server.resume());
    await deliver(outbox, socket.pendingAnswers);
    await time.advance(200_000);
    await deliver(outbox, socket.pendingAnswers);

    const frames = server.received.length;
    console.log(`20 messages through a ${stallSeconds} s stall: ${frames} frames, ${frames / 20} per message`);
    assert.ok(frames <= 40, `${frames} frames`);
    for (const item of server.received) {
      assert.ok(server.sends(item.clientId) <= 2);
    }
    const bodies = server.stored.map((id) => server.received.find((f) => f.clientId === id).body);
    assert.deepEqual(bodies, texts);
    assert.equal((await outbox.items()).length, 0);
  });
}

test('acks that arrive together send nothing again, even while a look at the store lags behind', async () => {
  // A read of IndexedDB that started before a removal still shows the item; it must not go again.
  class LaggingStore extends FakeStore {
    async outbox() {
      const snapshot = await super.outbox();
      for (let i = 0; i < 3; i++) {
        await settle();
      }
      return snapshot;
    }
    async removeOutbox(clientId) {
      await settle();
      return super.removeOutbox(clientId);
    }
  }
  const { outbox, socket, server, time } = setUp({ store: new LaggingStore() });
  socket.ready = true;
  await outbox.resendAll();
  server.stalled = true;
  const items = await write(outbox, time, ['one', 'two', 'three', 'four', 'five']);
  while (server.received.length < items.length) {
    await settle();
  }
  const acks = server.resume();
  // The page hands each ack to the outbox as its frame arrives, without waiting for the last.
  const settling = [];
  for (const ack of acks) {
    settling.push(outbox.settled(ack.clientId));
    await settle();
  }
  await Promise.all(settling);
  await time.advance(1000);
  assert.deepEqual(
    items.map((item) => server.sends(item.clientId)),
    [1, 1, 1, 1, 1],
  );
  assert.equal((await outbox.items()).length, 0);
});

test(`over a socket at most ${SOCKET_WINDOW} items wait for answers; each answer lets the next go`, async () => {
  const { outbox, socket, server, time } = setUp();
  const texts = Array.from({ length: SOCKET_WINDOW + 8 }, (_, i) => `backlog ${i}`);
  await write(outbox, time, texts);
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  assert.equal(server.received.length, SOCKET_WINDOW, 'a backlog leaves one window at a time');
  // Answers come back one by one; each lets one more item out, in the order written.
  while (socket.pendingAnswers.length > 0) {
    await deliver(outbox, [socket.pendingAnswers.shift()]);
  }
  assert.deepEqual(
    server.received.map((f) => f.body),
    texts,
  );
  assert.equal((await outbox.items()).length, 0);
});
