import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { appointmentState } = await load('appointment.js');

const HOUR = 3600 * 1000;
const start = Date.UTC(2026, 0, 5, 9);
const end = start + HOUR;

test('without an appointment everyone writes at any time', () => {
  assert.deepEqual(appointmentState({ start: undefined, end: undefined, mayReply: false, patient: true, now: start }), {
    scheduled: false,
    open: true,
    reason: '',
    changesAt: null,
  });
});

test('the patient writes during the appointment only, and is told why not outside it', () => {
  const at = (now) => appointmentState({ start, end, mayReply: false, patient: true, now });

  assert.deepEqual([at(start - 1), at(start), at(end - 1), at(end)].map((s) => s.open), [false, true, true, false]);
  assert.equal(at(start - 1).reason, 'Writing opens at the appointment');
  assert.equal(at(end).reason, 'The appointment is over');
});

test('replies allowed outside it, or staff, write at any time', () => {
  assert.equal(appointmentState({ start, end, mayReply: true, patient: true, now: end + HOUR }).open, true);
  assert.equal(appointmentState({ start, end, mayReply: false, patient: false, now: end + HOUR }).open, true);
});

test('the page looks again at the next boundary when it is within a day', () => {
  const at = (now) => appointmentState({ start, end, mayReply: false, patient: true, now }).changesAt;

  assert.equal(at(start - HOUR), start);
  assert.equal(at(start), end);
  assert.equal(at(start - 25 * HOUR), null);
  assert.equal(at(end), null);
});
