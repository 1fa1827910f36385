import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { allowed, kindLabel, verificationText } = await load('file-marks.js');

const patient = { id: 1, staff: false, admin: false };
const doctor = { id: 2, staff: true, admin: false };
const otherDoctor = { id: 3, staff: true, admin: false };
const admin = { id: 4, staff: true, admin: true };
const verified = { kind: 'LAB_RESULT', verifiedById: 2, verifiedBy: 'Dr X', verifiedAt: '2026-11-29T14:02:00Z' };

test('the sender and staff change the kind; only staff verify', () => {
  assert.deepEqual(allowed({ kind: 'OTHER' }, patient, true), { changeKind: true, verify: false, revoke: false });
  assert.deepEqual(allowed({ kind: 'OTHER' }, patient, false), { changeKind: false, verify: false, revoke: false });
  assert.deepEqual(allowed({ kind: 'OTHER' }, doctor, false), { changeKind: true, verify: true, revoke: false });
});

test('a verification is withdrawn by whoever gave it or an administrator', () => {
  assert.equal(allowed(verified, doctor, false).revoke, true);
  assert.equal(allowed(verified, otherDoctor, false).revoke, false);
  assert.equal(allowed(verified, admin, false).revoke, true);
  assert.equal(allowed(verified, doctor, false).verify, false);
});

test('kinds and verification read as people say them', () => {
  assert.equal(kindLabel('LAB_RESULT'), 'Lab result');
  assert.equal(kindLabel('SOMETHING_NEW'), 'Other');
  assert.match(verificationText(verified), /^Verified by Dr X, \d{1,2} Nov \d\d:\d\d$/);
  assert.equal(verificationText({ kind: 'OTHER' }), '');
});
