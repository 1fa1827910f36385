// The search page. Online, the form goes to the server, which searches everything the person may
// read. Offline, the same form searches the messages this browser keeps (local-search.js) and says so
// plainly: those are only the conversations opened here, and only their recent messages. Results are
// drawn with text nodes; nothing from a message becomes markup.
import { ME, formatInstant } from './connection.js';
import { openStore } from './store.js';
import { searchLocal } from './local-search.js';

const page = document.getElementById('search-page');
const form = document.getElementById('search');
const notice = document.getElementById('search-offline');
const localList = document.getElementById('search-local');
const words = document.getElementById('q');
const texts = page.dataset;

// Choosing another conversation searches it at once, and offers its people in "From".
document.getElementById('search-in').addEventListener('change', () => {
  const from = document.getElementById('search-from');
  if (from.value !== 'me') {
    from.value = '';
  }
  if (words.value.trim()) {
    form.requestSubmit();
  }
});

form.addEventListener('submit', (event) => {
  if (navigator.onLine) {
    return;
  }
  event.preventDefault();
  searchHere().catch(() => undefined);
});
if (!navigator.onLine) {
  // Opened offline, this is the kept empty page (sw.js): the search asked for is in the address.
  fillFromAddress();
  if (words.value.trim()) {
    searchHere().catch(() => undefined);
  }
}

function fillFromAddress() {
  const asked = new URLSearchParams(location.search);
  if (words.value || !asked.get('q')) {
    return;
  }
  words.value = asked.get('q');
  const fields = { in: 'search-in', from: 'search-from', since: 'search-since', until: 'search-until' };
  Object.entries(fields).forEach(([name, id]) => {
    const value = asked.get(name);
    const field = document.getElementById(id);
    // A select takes only a value it offers (a person of another conversation is not among them).
    if (value && (!field.options || [...field.options].some((o) => o.value === value))) {
      field.value = value;
    }
  });
  document.getElementById('search-files').checked = asked.get('files') === '1';
}

async function searchHere() {
  const store = await openStore(ME);
  let hits;
  try {
    hits = searchLocal(await store.allMessages(), words.value, filters());
  } finally {
    store.close();
  }
  document.getElementById('search-results')?.remove(); // the server's answer is from another search
  notice.textContent = hits.length ? texts.offlineText : `${texts.offlineText} ${texts.offlineNone}`;
  notice.hidden = false;
  localList.replaceChildren(...hits.slice(0, 50).map(drawn));
  localList.hidden = hits.length === 0;
}

function filters() {
  const value = (id) => document.getElementById(id).value;
  const day = (raw, plus) => {
    if (!raw) {
      return 0;
    }
    const date = new Date(`${raw}T00:00`);
    date.setDate(date.getDate() + plus);
    return date.getTime();
  };
  return {
    conversation: Number(value('search-in')) || 0,
    mine: value('search-from') === 'me',
    me: ME,
    since: day(value('search-since'), 0),
    until: day(value('search-until'), 1),
    withFile: document.getElementById('search-files').checked,
  };
}

/** Where a conversation's messages open, and its title, from the form's own list of them. */
function place(conversation) {
  const option = [...document.getElementById('search-in').options].find(
    (o) => Number(o.value) === conversation,
  );
  return option
    ? { title: option.textContent, link: option.dataset.link }
    : { title: `${texts.conversationText} ${conversation}`, link: '' };
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function drawn({ message, parts }) {
  const { title, link } = place(message.conversation);
  const item = document.createElement('li');
  item.className = 'search-hit';
  item.dataset.conversation = String(message.conversation);
  item.dataset.seq = String(message.seq);
  const body = document.createElement(link ? 'a' : 'div');
  body.className = 'search-hit-link';
  if (link) {
    body.href = `${link}&seq=${message.seq}`;
  }
  const snippet = span('search-hit-snippet', '');
  parts.forEach((part) => {
    const piece = document.createElement(part.match ? 'mark' : 'span');
    piece.textContent = part.text;
    snippet.append(piece);
  });
  body.append(
    span('search-hit-place', title),
    span('search-hit-meta', `${message.senderName || ''} · ${formatInstant(new Date(message.sentAt))}`),
  );
  if (message.file) {
    body.append(span('search-hit-file', texts.fileText));
  }
  body.append(snippet);
  item.append(body);
  return item;
}
