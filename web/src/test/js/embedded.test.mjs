import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, settle } from './client.mjs';

const { HELLO, STATE, embed, stateMessage } = await load('embedded.js');

/** A framed page: its window, its parent (the portal) and what the parent was told. */
function framedPage({ me = '7', context = '/consultchat', answers = [{ unread: 3 }] } = {}) {
  const told = [];
  const parent = { postMessage: (message, origin) => told.push({ message, origin }) };
  const listeners = {};
  const intervals = [];
  const win = {
    parent,
    addEventListener: (type, listener) => (listeners[type] = listener),
    setInterval: (run, ms) => intervals.push({ run, ms }),
  };
  const documentListeners = {};
  const doc = {
    body: { dataset: { me, context } },
    addEventListener: (type, listener) => (documentListeners[type] = listener),
  };
  const asked = [];
  const fetchJson = async (url) => {
    asked.push(url);
    const answer = answers.shift();
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };
  const hello = (origin, source = parent, data = { type: HELLO }) => listeners.message({ origin, source, data });
  return { win, doc, fetchJson, told, asked, intervals, documentListeners, hello, parent };
}

test('a page that is not framed says nothing', () => {
  const page = framedPage();
  page.win.parent = page.win;
  assert.equal(embed({ ...page, intervalMs: 2000 }), null);
});

test("the parent's hello is answered with the unread count, at the parent's origin only", async () => {
  const page = framedPage();
  embed({ ...page, intervalMs: 2000 });
  assert.deepEqual(page.told, []);

  page.hello('http://portal.example');
  await settle();

  assert.deepEqual(page.asked, ['/consultchat/api/unread']);
  assert.equal(page.told.length, 1);
  assert.equal(page.told[0].origin, 'http://portal.example');
  assert.equal(page.told[0].message.type, STATE);
  assert.equal(page.told[0].message.signedIn, true);
  assert.equal(page.told[0].message.unread, 3);
  assert.equal(page.told[0].message.words.open, 'Open messages');
  assert.equal(page.told[0].message.words.unread, '3 unread');
});

test('hellos from other windows, of other types or from opaque origins are ignored', async () => {
  const page = framedPage();
  embed({ ...page, intervalMs: 2000 });

  page.hello('http://evil.example', { postMessage() {} });
  page.hello('http://portal.example', page.parent, { type: 'something-else' });
  page.hello('null');
  await settle();

  assert.deepEqual(page.told, []);
  assert.deepEqual(page.asked, []);
});

test('nobody logged in: the widget hears so without a count being asked for', async () => {
  const page = framedPage({ me: '' });
  embed({ ...page, intervalMs: 2000 });

  page.hello('http://portal.example');
  await settle();

  assert.deepEqual(page.asked, []);
  assert.equal(page.told[0].message.signedIn, false);
  assert.equal(page.told[0].message.unread, 0);
  assert.deepEqual(page.intervals, []);
});

test('the count is looked at again at the polling interval and when the lists change; a failure keeps the last', async () => {
  const page = framedPage({ answers: [{ unread: 2 }, new Error('offline'), { unread: 0 }] });
  embed({ ...page, intervalMs: 2000 });
  page.hello('http://portal.example');
  await settle();
  assert.equal(page.intervals[0].ms, 2000);

  await page.intervals[0].run();
  assert.equal(page.told.at(-1).message.unread, 2);

  await page.documentListeners['consultchat:lists-changed']();
  assert.equal(page.told.at(-1).message.unread, 0);
  assert.equal(page.told.length, 3);
});

test('the state never carries a count for nobody', () => {
  assert.equal(stateMessage(false, 5).unread, 0);
  assert.equal(stateMessage(true, 5).unread, 5);
});
