// Loads the browser client's modules into Node. They are plain ES modules named *.js, which Node reads
// as ES modules only inside a package that says so; a copy in a temporary package keeps the web app
// free of Node's files and works on every Node version with the test runner.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const sources = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'main', 'webapp', 'js');
const copy = mkdtempSync(join(tmpdir(), 'consultchat-client-'));
cpSync(sources, copy, { recursive: true });
writeFileSync(join(copy, 'package.json'), '{"type":"module"}');
process.on('exit', () => rmSync(copy, { recursive: true, force: true }));

export function load(name) {
  return import(pathToFileURL(join(copy, name)).href);
}

/** The English words, as the page would write them: the tests read what a person would see. */
const text = readFileSync(join(sources, '..', '..', 'resources', 'com', 'consultchat', 'web', 'platform', 'Text.properties'), 'utf8');
const english = {};
for (const line of text.split('\n')) {
  const match = /^([^#!\s][^=]*?)\s*=\s?(.*)$/.exec(line);
  if (match) {
    english[match[1]] = match[2];
  }
}
(await load('words.js')).setWords(english);

/** Lets every promise chain that can settle now settle. */
export function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock and timers that move only when the test says so. */
export class FakeTime {
  constructor() {
    this.now = 0;
    this.timers = new Map();
    this.nextId = 1;
    this.clock = () => this.now;
    this.setTimeout = (run, ms) => {
      const id = this.nextId++;
      this.timers.set(id, { run, at: this.now + Math.max(0, ms) });
      return id;
    };
    this.clearTimeout = (id) => this.timers.delete(id);
  }

  /** Moves time forward, running each timer at its moment, in order. */
  async advance(ms) {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) {
        break;
      }
      this.timers.delete(next[0]);
      this.now = next[1].at;
      next[1].run();
    }
    this.now = end;
    await settle();
  }
}

/** The account's outbox store, oldest first as the byTime index gives it. */
export class FakeStore {
  constructor() {
    this.items = new Map();
  }
  async outbox() {
    return [...this.items.values()].sort((a, b) => a.createdAt - b.createdAt).map((i) => ({ ...i }));
  }
  async putOutbox(item) {
    this.items.set(item.clientId, { ...item });
  }
  async removeOutbox(clientId) {
    this.items.delete(clientId);
  }
}
