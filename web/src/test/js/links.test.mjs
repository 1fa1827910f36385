import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './client.mjs';

const { findLinks } = await load('links.js');

function links(text) {
  return findLinks(text).map((link) => [text.slice(link.start, link.end), link.href]);
}

test('http and https addresses are links', () => {
  assert.deepEqual(links('See https://example.org/a?b=1 and http://clinic.example.com'), [
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://clinic.example.com', 'http://clinic.example.com/'],
  ]);
});

test('an address starting with www. is a link to https', () => {
  assert.deepEqual(links('Look at www.nhs.uk/conditions'), [
    ['www.nhs.uk/conditions', 'https://www.nhs.uk/conditions'],
  ]);
});

test('other schemes are never links', () => {
  for (const text of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)//www',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'ftp://files.example.com',
    'mailto:someone@example.com',
  ]) {
    assert.deepEqual(links(text), [], text);
  }
});

test('punctuation ending the sentence stays out of the link', () => {
  assert.deepEqual(links('Read https://example.org/page.'), [['https://example.org/page', 'https://example.org/page']]);
  assert.deepEqual(links('Was it https://example.org/x?!'), [['https://example.org/x', 'https://example.org/x']]);
  assert.deepEqual(links('(see www.example.org/info)'), [['www.example.org/info', 'https://www.example.org/info']]);
  assert.deepEqual(links('“https://example.org/q”'), [['https://example.org/q', 'https://example.org/q']]);
});

test('brackets that belong to the address stay in it', () => {
  assert.deepEqual(links('https://en.wikipedia.org/wiki/Rash_(disease).'), [
    ['https://en.wikipedia.org/wiki/Rash_(disease)', 'https://en.wikipedia.org/wiki/Rash_(disease)'],
  ]);
});

test('markup and quotes end an address: nothing can break out of the link', () => {
  assert.deepEqual(links('https://a.example/"onmouseover="alert(1)'), [['https://a.example/', 'https://a.example/']]);
  assert.deepEqual(links('https://a.example/<img src=x>'), [['https://a.example/', 'https://a.example/']]);
});

test('words that only look like addresses are not links', () => {
  assert.deepEqual(links('xhttp://example.org'), []);
  assert.deepEqual(links('me@www.example.org'), []);
  assert.deepEqual(links('http://localhost'), []);
  assert.deepEqual(links('www.'), []);
  assert.deepEqual(links('plain text without any address'), []);
});
