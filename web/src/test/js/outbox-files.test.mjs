import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeStore, FakeTime, load, settle } from './client.mjs';

const { Outbox, itemsInTurn } = await load('outbox.js');

/**
 * The server for texts (socket frames) and files (uploads) alike: stores a client id once, numbers
 * in arrival order; a repeat gets the original.
 */
class FakeServer {
  constructor() {
    this.stored = []; // client ids in seq order
    this.attempts = []; // client ids of every upload attempt
  }
  store(clientId) {
    if (!this.stored.includes(clientId)) {
      this.stored.push(clientId);
    }
    return this.stored.indexOf(clientId) + 1;
  }
}

class FakeSocket {
  constructor(server) {
    this.server = server;
    this.ready = false;
    this.answers = [];
  }
  async transmit(frames) {
    if (!this.ready) {
      return { sent: false };
    }
    frames.forEach((frame) => this.answers.push({ clientId: frame.clientId, seq: this.server.store(frame.clientId) }));
    return { sent: true };
  }
}

/** Each upload waits until the test answers it with `answer(result)` (or `store()`). */
class FakeUploader {
  constructor(server) {
    this.server = server;
    this.current = null;
    this.aborted = 0;
  }
  upload(item, progress) {
    this.server.attempts.push(item.clientId);
    progress(0.5);
    return new Promise((resolve) => {
      this.current = { item, resolve };
    });
  }
  answer(result) {
    const { resolve } = this.current;
    this.current = null;
    resolve(result);
    return settle();
  }
  /** The server stores the file (once) and the answer arrives. */
  store() {
    const seq = this.server.store(this.current.item.clientId);
    return this.answer({ stored: { clientId: this.current.item.clientId, seq } });
  }
  /** The server stores it, but the answer is lost with the network. */
  storeButLoseAnswer() {
    this.server.store(this.current.item.clientId);
    return this.answer({ retryAfter: null });
  }
  abort() {
    this.aborted += 1;
    this.answer({ cancelled: true });
  }
}

function setUp({ locks = null } = {}) {
  let uuid = 0;
  Object.defineProperty(globalThis, 'crypto', {
    value: { randomUUID: () => `id-${String(++uuid).padStart(4, '0')}` },
    configurable: true,
    writable: true,
  });
  const time = new FakeTime();
  const server = new FakeServer();
  const socket = new FakeSocket(server);
  const uploader = new FakeUploader(server);
  const store = new FakeStore();
  const progress = [];
  const stored = [];
  const outbox = new Outbox({
    store,
    connection: socket,
    accountId: 7,
    clock: time.clock,
    timers: time,
    locks,
    channel: null,
    uploader,
    onStored: (message) => stored.push(message),
    onProgress: (clientId, fraction) => progress.push([clientId, fraction]),
  });
  outbox.start();
  return { outbox, socket, server, uploader, store, time, progress, stored };
}

/** Acks of the texts the socket carried reach the outbox. */
async function acknowledge(outbox, socket) {
  for (const answer of socket.answers.splice(0)) {
    await outbox.settled(answer.clientId);
  }
  await settle();
}

const photo = { size: 1234, type: 'image/jpeg' };

test('a file chosen offline goes first when the network returns; the text written after it waits for it', async () => {
  const { outbox, socket, server, uploader } = setUp();
  const file = await outbox.addFile(1, photo, 'rash.jpg', 'Since Monday');
  const text = await outbox.add(1, 'Written after the photo', 'TEXT');
  await settle();
  assert.equal(uploader.current, null, 'nothing goes while offline');

  socket.ready = true;
  await outbox.resendAll();
  await settle();
  assert.equal(uploader.current.item.clientId, file.clientId);
  assert.equal(uploader.current.item.body, 'Since Monday');
  assert.deepEqual(server.stored, [], 'the text waits for the file');

  await uploader.store();
  await settle();
  await acknowledge(outbox, socket);
  assert.deepEqual(server.stored, [file.clientId, text.clientId]);
  assert.deepEqual(await outbox.items(), []);
});

test('a file waits until the text written before it is stored', async () => {
  const { outbox, socket, server, uploader } = setUp();
  const text = await outbox.add(1, 'Here is the photo:', 'TEXT');
  const file = await outbox.addFile(1, photo, 'rash.jpg');
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  assert.equal(uploader.current, null);
  assert.deepEqual(server.stored, [text.clientId]);
  await acknowledge(outbox, socket);
  assert.equal(uploader.current.item.clientId, file.clientId);
  await uploader.store();
  assert.deepEqual(server.stored, [text.clientId, file.clientId]);
});

test('a failed upload goes again under the same client id, and the server keeps one copy', async () => {
  const { outbox, socket, server, uploader, time, stored } = setUp();
  const file = await outbox.addFile(1, photo, 'lab.pdf');
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  await uploader.storeButLoseAnswer();
  assert.equal(uploader.current, null, 'no hurry after a failure');
  await time.advance(34_999);
  assert.equal(uploader.current, null);
  await time.advance(1);
  assert.ok(uploader.current, 'again after the ack timeout');
  await uploader.answer({ retryAfter: null });
  // The socket came back: everything waiting goes at once.
  await outbox.resendAll();
  await settle();
  await uploader.store();
  assert.deepEqual(server.attempts, [file.clientId, file.clientId, file.clientId]);
  assert.deepEqual(server.stored, [file.clientId]);
  assert.equal(stored.length, 1);
  assert.deepEqual(await outbox.items(), []);
});

test('a 429 sends the file again after the pause the server asked for', async () => {
  const { outbox, socket, server, uploader, time } = setUp();
  await outbox.addFile(1, photo, 'a.jpg');
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  await uploader.answer({ retryAfter: 3 });
  await time.advance(2999);
  assert.equal(server.attempts.length, 1);
  await time.advance(1);
  assert.equal(server.attempts.length, 2);
});

test('a refused file leaves its Blob and a note behind, and what follows it goes on', async () => {
  const { outbox, socket, server, uploader } = setUp();
  const file = await outbox.addFile(1, photo, 'virus.exe');
  const text = await outbox.add(1, 'after', 'TEXT');
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  await uploader.answer({ refused: 'Only PDF, pictures and audio can be sent.' });
  await settle();
  const [note] = (await outbox.items()).filter((i) => i.clientId === file.clientId);
  assert.equal(note.state, 'failed');
  assert.equal(note.error, 'Only PDF, pictures and audio can be sent.');
  assert.equal(note.file, undefined);
  assert.equal(note.fileName, 'virus.exe');
  assert.deepEqual(server.stored, [text.clientId]);
  await outbox.retry(file.clientId); // nothing to retry without the file
  assert.equal((await outbox.items()).find((i) => i.clientId === file.clientId).state, 'failed');
  await outbox.cancel(file.clientId);
  await acknowledge(outbox, socket);
  assert.deepEqual(await outbox.items(), []);
});

test('a waiting file can be cancelled: it never goes, and the text after it does', async () => {
  const { outbox, socket, server, uploader } = setUp();
  const file = await outbox.addFile(1, photo, 'a.jpg');
  const text = await outbox.add(1, 'after', 'TEXT');
  await outbox.cancel(file.clientId);
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  assert.deepEqual(server.attempts, []);
  assert.deepEqual(server.stored, [text.clientId]);
  assert.equal(uploader.current, null);
});

test('cancelling a file on its way aborts the upload', async () => {
  const { outbox, socket, uploader } = setUp();
  const file = await outbox.addFile(1, photo, 'a.jpg');
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  assert.ok(uploader.current);
  await outbox.cancel(file.clientId);
  await settle();
  assert.equal(uploader.aborted, 1);
  assert.deepEqual(await outbox.items(), []);
});

test('the progress of an upload is reported, and its end', async () => {
  const { outbox, socket, uploader, progress } = setUp();
  const file = await outbox.addFile(1, photo, 'a.jpg');
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  await uploader.store();
  assert.deepEqual(progress, [
    [file.clientId, 0.5],
    [file.clientId, null],
  ]);
});

test('a tab that does not hold the lock uploads nothing', async () => {
  const locks = { request: () => new Promise(() => {}) }; // another tab holds it
  const { outbox, socket, uploader } = setUp({ locks });
  await outbox.addFile(1, photo, 'a.jpg');
  socket.ready = true;
  await outbox.resendAll();
  await settle();
  assert.equal(uploader.current, null);
});

test('a file holds back only its own conversation', () => {
  const item = (clientId, conversation, file) => ({ clientId, conversation, file });
  const pending = [
    item('t1', 1),
    item('f1', 1, photo),
    item('t2', 1),
    item('u1', 2),
    item('f2', 2, photo),
    item('f3', 3, photo),
    item('t3', 3),
  ];
  assert.deepEqual(
    itemsInTurn(pending).map((i) => i.clientId),
    ['t1', 'u1', 'f3'],
  );
});
