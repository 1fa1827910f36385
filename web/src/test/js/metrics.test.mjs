import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { busiest, columns, figure, latest, waitInWords } = await load('metrics-data.js');

const history = {
  times: [100, 110, 120],
  series: {
    sockets: [2, 3, 4],
    online: [1, 2, 2],
    messagesPerMinute: [0, 6, 12],
    errorsPerMinute: [0, 0, 0],
    refusalsPerMinute: [0, 0, 6],
    queueLength: [1, 1, 0],
    longestWaitSeconds: [90, 100, null],
  },
  specialists: [
    { name: 'Dr B', active: 1 },
    { name: 'Dr A', active: 1 },
    { name: 'Dr C', active: 3 },
    { name: 'Dr Z', active: 0 },
  ],
};

test('a chart gets the times and one aligned column per line', () => {
  assert.deepEqual(columns(history, 'connections'), [[100, 110, 120], [2, 3, 4], [1, 2, 2]]);
  assert.deepEqual(columns(history, 'traffic')[3], [0, 0, 6]);
});

test('the queue chart shows waiting in minutes and keeps gaps as gaps', () => {
  assert.deepEqual(columns(history, 'queue')[2], [1.5, 1.7, null]);
});

test('an empty history draws nothing and shows dashes', () => {
  assert.deepEqual(columns({}, 'connections'), [[], [], []]);
  assert.equal(latest({}, 'sockets'), null);
  assert.equal(figure(null), '–');
});

test('the newest value is the last sample', () => {
  assert.equal(latest(history, 'sockets'), 4);
  assert.equal(figure(11.6), '12');
});

test('waits read in words', () => {
  assert.equal(waitInWords(null), '–');
  assert.equal(waitInWords(42), '42 s');
  assert.equal(waitInWords(12 * 60 + 5), '12 min');
  assert.equal(waitInWords(2 * 3600 + 5 * 60), '2 h 5 min');
});

test('specialists are listed busiest first, then by name, idle ones left out', () => {
  assert.deepEqual(
    busiest(history).map((s) => s.name),
    ['Dr C', 'Dr A', 'Dr B'],
  );
});
