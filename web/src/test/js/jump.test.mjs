import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { jumpTo, requestedSeq } = await load('jump.js');

/** Just enough of the DOM: a list whose messages come and go, and a MutationObserver it drives. */
class FakeList {
  constructor() {
    this.messages = new Map();
    this.observers = [];
  }

  querySelector(selector) {
    const seq = Number(/data-seq="(\d+)"/.exec(selector)[1]);
    return this.messages.get(seq) || null;
  }

  add(seq) {
    const element = {
      seq,
      classes: new Set(),
      scrolled: 0,
      focused: false,
      classList: { add: (name) => element.classes.add(name) },
      scrollIntoView() {
        element.scrolled += 1;
      },
      focus() {
        element.focused = true;
      },
    };
    this.messages.set(seq, element);
    this.observers.forEach((callback) => callback());
    return element;
  }
}

class FakeRoot {
  constructor() {
    this.listeners = new Map();
  }

  addEventListener(type, listener) {
    this.listeners.set(type, listener);
  }

  removeEventListener(type) {
    this.listeners.delete(type);
  }

  fire(type) {
    this.listeners.get(type)?.();
  }
}

function observed(list) {
  globalThis.MutationObserver = class {
    constructor(callback) {
      this.callback = callback;
    }

    observe() {
      list.observers.push(this.callback);
    }

    disconnect() {
      list.observers = list.observers.filter((c) => c !== this.callback);
    }
  };
}

test('the seq comes from the address, and nothing else counts as one', () => {
  assert.equal(requestedSeq('?id=4&seq=17'), 17);
  assert.equal(requestedSeq('?id=4'), 0);
  assert.equal(requestedSeq('?seq=-3'), 0);
  assert.equal(requestedSeq('?seq=abc'), 0);
});

test('a message that arrives later is marked and kept in sight while later pages arrive', () => {
  const list = new FakeList();
  observed(list);
  const view = { following: true };
  const root = new FakeRoot();
  let missing = 0;
  jumpTo({ list, seq: 3, view, reached: () => false, missing: () => (missing += 1), root });
  assert.equal(view.following, false, 'the view stops following the newest message at once');

  const found = list.add(3);
  list.add(4);
  list.add(5);

  assert.ok(found.classes.has('msg-found'));
  assert.ok(found.focused);
  assert.equal(found.scrolled, 3, 'brought back into sight after each later page');
  assert.equal(missing, 0);

  root.fire('wheel');
  list.add(6);
  assert.equal(view.following, true, 'the person scrolling takes the view back');
  assert.equal(found.scrolled, 3);
});

test('a message no longer there is said to be gone once the history has passed it', () => {
  const list = new FakeList();
  observed(list);
  const view = { following: true };
  let reached = false;
  let missing = 0;
  jumpTo({ list, seq: 3, view, reached: () => reached, missing: () => (missing += 1), root: new FakeRoot() });

  list.add(2);
  assert.equal(missing, 0);
  reached = true;
  list.add(4);
  list.add(5);

  assert.equal(missing, 1, 'said once');
  assert.equal(view.following, true);
});
