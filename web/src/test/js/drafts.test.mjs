import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftKey, draftPrefix, readFields, restoreFields } from '../../main/webapp/js/drafts.js';

const field = (name, value, tagName = 'INPUT', options = []) => ({
  name,
  value,
  tagName,
  disabled: false,
  options: options.map((v) => ({ value: v })),
});

test('a draft belongs to one account, one page and one form', () => {
  const key = draftKey(7, '/consultation/chat.xhtml?id=3', 'close');
  assert.ok(key.startsWith(draftPrefix(7)));
  assert.ok(!draftKey(70, '/consultation/chat.xhtml?id=3', 'close').startsWith(draftPrefix(7)));
  assert.notEqual(key, draftKey(7, '/consultation/chat.xhtml?id=4', 'close'));
});

test('a form with nothing typed keeps no draft, a chosen option alone is not worth keeping', () => {
  assert.equal(readFields([field('ask:subject', '  '), field('ask:specialty', '2', 'SELECT')]), null);
});

test('typed values are kept by field name, with the options chosen beside them', () => {
  assert.deepEqual(readFields([field('ask:subject', 'Rash'), field('ask:specialty', '2', 'SELECT')]), {
    'ask:subject': 'Rash',
    'ask:specialty': '2',
  });
});

test('restoring fills empty fields only and chooses options that still exist', () => {
  const subject = field('ask:subject', '');
  const note = field('close:summary', 'typed since');
  const specialty = field('ask:specialty', '', 'SELECT', ['', '2']);
  const gone = field('transfer:to', '', 'SELECT', ['', 'staff:4']);
  const restored = restoreFields([subject, note, specialty, gone], {
    'ask:subject': 'Rash',
    'close:summary': 'older',
    'ask:specialty': '2',
    'transfer:to': 'staff:9',
  });
  assert.equal(restored, true);
  assert.equal(subject.value, 'Rash');
  assert.equal(note.value, 'typed since');
  assert.equal(specialty.value, '2');
  assert.equal(gone.value, '');
});
