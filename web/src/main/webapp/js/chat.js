// The chat page. Messages come from three places — the browser's cache, catch-up after a sequence
// number, and the live stream — and are merged by sequence number, so each shows once and in order.
// What the person writes goes through the outbox and shows its state: pending, sent, delivered, read,
// or failed with retry and cancel.
import { CONTEXT, Connection, ME, formatInstant, localizeTimes } from './connection.js';
import { openStore, wipeOthers } from './store.js';
import { Outbox } from './outbox.js';
import { attachEmojiPicker } from './emoji.js';
import { attachSnippets } from './snippets.js';

const root = document.getElementById('chat');
const conversation = Number(root.dataset.conversation);
const canWrite = root.dataset.canWrite === 'true';
const maxLength = Number(root.dataset.maxLength) || 4000;

const list = document.getElementById('chat-messages');
const empty = document.getElementById('chat-empty');
const errorLine = document.getElementById('chat-error');
const composer = document.getElementById('composer');
const input = document.getElementById('composer-input');

const STATES = {
  pending: 'Waiting to send…',
  sent: 'Sent ✓',
  delivered: 'Delivered ✓✓',
  read: 'Read ✓✓',
  failed: 'Not sent',
};

const shown = new Map(); // seq -> element of a stored message
let contiguous = 0; // every seq up to this one is shown
let newest = 0;
let receipts = []; // other members' { account, delivered, read }
let receiptSent = { delivered: 0, read: 0 };

localizeTimes();
await wipeOthers(ME);
const store = await openStore(ME);
const connection = new Connection({
  onReady: () => {
    // Registered first, then catch up from what we hold, then send what waits in the outbox.
    sync();
    outbox.flush();
  },
  onFrame: handle,
  onPoll: () => connection.poll(conversation, contiguous),
});
const outbox = new Outbox(store, connection, ME, () => renderOutbox());

(await store.messages(conversation)).forEach(show);
receipts = (await store.conversation(conversation)).receipts || [];
await renderOutbox();
updateTicks();
outbox.start();
connection.start();

function sync() {
  connection.send({ type: 'sync', conversation, after: contiguous });
}

async function handle(frame) {
  switch (frame.type) {
    case 'history':
      if (frame.conversation === conversation) {
        frame.messages.forEach(show);
        await store.putMessages(conversation, frame.messages);
        receipts = frame.receipts.filter((r) => r.account !== ME);
        await store.saveConversation({ conversation, receipts });
        updateTicks();
        if (!frame.complete) {
          sync();
        }
        sendReceipts();
      }
      break;
    case 'message':
      if (frame.message.conversation === conversation) {
        const message = frame.message;
        if (message.seq > contiguous + 1) {
          sync(); // a gap: something was missed on the way, fetch it
        }
        show(message);
        await store.putMessages(conversation, [message]);
        if (message.senderId === ME) {
          await outbox.settled(message.clientId);
        }
        updateTicks();
        sendReceipts();
      }
      break;
    case 'ack':
      if (frame.conversation === conversation) {
        const item = (await outbox.items()).find((i) => i.clientId === frame.clientId);
        if (item) {
          const stored = {
            conversation,
            seq: frame.seq,
            clientId: frame.clientId,
            senderId: ME,
            senderName: '',
            kind: 'TEXT',
            body: item.body,
            sentAt: frame.sentAt,
          };
          show(stored);
          await store.putMessages(conversation, [stored]);
        }
      }
      await outbox.settled(frame.clientId);
      updateTicks();
      break;
    case 'receipt':
      if (frame.conversation === conversation && frame.receipt.account !== ME) {
        receipts = receipts.filter((r) => r.account !== frame.receipt.account).concat(frame.receipt);
        await store.saveConversation({ conversation, receipts });
        updateTicks();
      }
      break;
    case 'consultation':
      if (String(frame.consultation.id) === root.dataset.consultation) {
        updateHeader(frame.consultation);
      }
      break;
    case 'error':
      if (frame.clientId) {
        await outbox.refused(frame.clientId, frame.code, frame.message);
      }
      if (frame.code !== 'too-soon') {
        showError(frame.message);
      }
      break;
    default:
      break;
  }
}

function show(message) {
  if (shown.has(message.seq)) {
    return;
  }
  const mine = message.senderId === ME;
  const element = bubble(mine, message.senderName, message.body, message.sentAt);
  element.dataset.seq = String(message.seq);
  if (mine) {
    element.dataset.clientId = message.clientId;
    list.querySelector(`.msg.outbox[data-client-id="${message.clientId}"]`)?.remove();
  }
  const later = [...list.querySelectorAll('.msg[data-seq]')].find((m) => Number(m.dataset.seq) > message.seq);
  list.insertBefore(element, later || list.querySelector('.msg.outbox') || null);
  shown.set(message.seq, element);
  newest = Math.max(newest, message.seq);
  while (shown.has(contiguous + 1)) {
    contiguous += 1;
  }
  empty.hidden = true;
  if (!later) {
    list.scrollTop = list.scrollHeight;
  }
}

/** Outbox items of this conversation, below the stored messages, oldest first. */
async function renderOutbox() {
  const items = (await outbox.items()).filter((item) => item.conversation === conversation);
  const present = new Set(items.map((item) => item.clientId));
  list.querySelectorAll('.msg.outbox').forEach((element) => {
    if (!present.has(element.dataset.clientId)) {
      element.remove();
    }
  });
  const storedIds = new Set([...shown.values()].map((e) => e.dataset.clientId).filter(Boolean));
  for (const item of items) {
    if (storedIds.has(item.clientId)) {
      continue;
    }
    let element = list.querySelector(`.msg.outbox[data-client-id="${item.clientId}"]`);
    if (!element) {
      element = bubble(true, '', item.body, new Date(item.createdAt).toISOString());
      element.classList.add('outbox');
      element.dataset.clientId = item.clientId;
      list.appendChild(element);
      list.scrollTop = list.scrollHeight;
      empty.hidden = true;
    }
    element.classList.toggle('failed', item.state === 'failed');
    setState(element, item.state, item.error);
  }
}

function updateTicks() {
  const delivered = Math.max(0, ...receipts.map((r) => r.delivered));
  const read = Math.max(0, ...receipts.map((r) => r.read));
  shown.forEach((element, seq) => {
    if (element.classList.contains('mine')) {
      setState(element, seq <= read ? 'read' : seq <= delivered ? 'delivered' : 'sent');
    }
  });
}

/** Tells the others how far this person has received and read; reading needs the page in view. */
function sendReceipts() {
  const delivered = contiguous;
  const read = document.visibilityState === 'visible' ? contiguous : receiptSent.read;
  if (delivered > receiptSent.delivered || read > receiptSent.read) {
    if (connection.send({ type: 'receipt', conversation, delivered, read })) {
      receiptSent = { delivered, read };
    }
  }
}
document.addEventListener('visibilitychange', sendReceipts);

function bubble(mine, name, body, sentAt) {
  const element = document.createElement('article');
  element.className = `msg ${mine ? 'mine' : 'theirs'}`;
  const header = document.createElement('header');
  const author = document.createElement('span');
  author.className = 'msg-author';
  author.textContent = mine ? 'You' : name;
  const time = document.createElement('time');
  const instant = sentAt ? new Date(sentAt) : new Date();
  time.dateTime = instant.toISOString();
  time.textContent = formatInstant(instant);
  time.title = instant.toLocaleString();
  header.append(author, time);
  const text = document.createElement('p');
  text.className = 'msg-body';
  text.textContent = body; // never HTML: what people write is shown as written
  const state = document.createElement('span');
  state.className = 'msg-state';
  element.append(header, text, state);
  return element;
}


function setState(element, state, reason) {
  const label = element.querySelector('.msg-state');
  if (element.dataset.state === state && label.dataset.reason === (reason || '')) {
    return;
  }
  element.dataset.state = state;
  label.dataset.reason = reason || '';
  label.textContent = state === 'failed' && reason ? `Not sent: ${reason}` : STATES[state] || '';
  label.title = reason || '';
  if (state === 'failed') {
    label.append(' · ', action('Retry', () => outbox.retry(element.dataset.clientId)));
    label.append(' · ', action('Cancel', () => outbox.cancel(element.dataset.clientId)));
  }
}

function action(label, run) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button';
  button.textContent = label;
  button.addEventListener('click', run);
  return button;
}

async function submit() {
  const body = input.value;
  if (!body.trim()) {
    return;
  }
  if ([...body].length > maxLength) {
    showError(`A message can have at most ${maxLength} characters.`);
    return;
  }
  input.value = '';
  autoGrow();
  hideError();
  await outbox.add(conversation, body);
}

function showError(message) {
  errorLine.textContent = message;
  errorLine.hidden = false;
}

function hideError() {
  errorLine.hidden = true;
}

/**
 * Another state (taken, handed over, closed) changes what the page offers: show it afresh. Someone
 * who handed the consultation over is no longer part of it and goes back to their own page.
 */
function updateHeader(consultation) {
  const status = document.getElementById('chat-status');
  if (status.dataset.status === consultation.status) {
    return;
  }
  const stillMine = consultation.patientId === ME || consultation.staffId === ME;
  if (stillMine || document.body.dataset.admin === 'true') {
    location.reload();
  } else {
    location.assign(`${CONTEXT}/index.xhtml`);
  }
}

function autoGrow() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  input.style.overflowY = input.scrollHeight > 160 ? 'auto' : 'hidden';
}

if (canWrite && composer) {
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', autoGrow);
  input.focus();
  attachEmojiPicker(input, document.getElementById('composer-emoji'));
  attachSnippets(input, document.getElementById('composer-snippets'));
}
