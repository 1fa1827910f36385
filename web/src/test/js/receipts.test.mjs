import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { ReceiptCursor, Receipts, tick } = await load('receipts.js');

const ME = 1;

test('own messages show read, delivered or sent by how far the furthest other member got', () => {
  const receipts = new Receipts(ME);
  receipts.replace([
    { account: 2, delivered: 5, read: 3 },
    { account: 3, delivered: 4, read: 4 },
  ]);

  const reach = receipts.reach();

  assert.deepEqual([3, 4, 5, 6].map((seq) => tick(seq, reach)), ['read', 'read', 'delivered', 'sent']);
});

test('nothing received by anyone yet: every own message shows sent', () => {
  const reach = new Receipts(ME).reach();

  assert.deepEqual([1, 2].map((seq) => tick(seq, reach)), ['sent', 'sent']);
});

test('where the clinic keeps reading private, nothing shows read', () => {
  const receipts = new Receipts(ME, false);
  receipts.replace([{ account: 2, delivered: 5, read: 5 }]);

  assert.equal(tick(5, receipts.reach()), 'delivered');
});

test("a member's newer receipt replaces their earlier one", () => {
  const receipts = new Receipts(ME);
  receipts.replace([{ account: 2, delivered: 2, read: 1 }]);

  assert.equal(receipts.update({ account: 2, delivered: 6, read: 6 }), true);

  assert.deepEqual(receipts.others, [{ account: 2, delivered: 6, read: 6 }]);
  assert.equal(tick(6, receipts.reach()), 'read');
});

test("this person's own receipts, from another of their pages, never tick their messages", () => {
  const receipts = new Receipts(ME);
  receipts.replace([{ account: ME, delivered: 9, read: 9 }]);

  assert.equal(receipts.update({ account: ME, delivered: 9, read: 9 }), false);

  assert.deepEqual(receipts.others, []);
  assert.equal(tick(9, receipts.reach()), 'sent');
});

test('a receipt goes out when something new has arrived, and only then', () => {
  const cursor = new ReceiptCursor();

  assert.deepEqual(cursor.next(4, true), { delivered: 4, read: 4 });
  cursor.sent({ delivered: 4, read: 4 });

  assert.equal(cursor.next(4, true), null);
  assert.deepEqual(cursor.next(5, true), { delivered: 5, read: 5 });
});

test('a hidden page tells delivered but not read; read follows once the page is seen', () => {
  const cursor = new ReceiptCursor();
  cursor.sent({ delivered: 2, read: 2 });

  const hidden = cursor.next(5, false);
  assert.deepEqual(hidden, { delivered: 5, read: 2 });
  cursor.sent(hidden);

  assert.equal(cursor.next(5, false), null);
  assert.deepEqual(cursor.next(5, true), { delivered: 5, read: 5 });
});

test('a receipt that could not go out is offered again', () => {
  const cursor = new ReceiptCursor();

  cursor.next(3, true); // the connection was down: not recorded as told

  assert.deepEqual(cursor.next(3, true), { delivered: 3, read: 3 });
});
