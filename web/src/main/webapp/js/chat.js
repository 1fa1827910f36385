// The chat page. Messages come from three places — the browser's cache, catch-up after a sequence
// number, and the live stream — and are merged by sequence number, so each shows once and in order.
// What the person writes goes through the outbox and shows its state: pending, sent, delivered, read,
// or failed with retry and cancel. The same page script serves consultations and rooms; in a room
// (data-room) specialists' posts show apart, messages carry report/moderation actions, and the room's
// own panels are asked to refresh when the server says the room changed.
import { CONTEXT, Connection, ME, formatInstant, isLeaving, localizeTimes } from './connection.js';
import { openStore, wipeOthers } from './store.js';
import { Outbox } from './outbox.js';

const root = document.getElementById('chat');
const conversation = Number(root.dataset.conversation);
const canWrite = root.dataset.canWrite === 'true';
const maxLength = Number(root.dataset.maxLength) || 4000;
// Who this person is in this conversation's messages and receipts: their account in a consultation,
// their handle in a room. The account (ME) still names what the browser keeps.
const me = Number(root.dataset.me) || ME;
const room = root.dataset.room ? Number(root.dataset.room) : 0;
const moderator = root.dataset.moderator === 'true';
const canReport = root.dataset.canReport === 'true';
const kindSelect = document.getElementById('composer-kind');
const KIND_LABELS = { RECOMMENDATION: 'Recommendation', NOTE: 'Note' };

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
let lastChange = 0; // the conversation's change number up to which removals are applied
const TYPING_SEND_MS = 3000; // at most one typing signal per this while the person writes
const TYPING_SHOW_MS = 5000; // a typing signal shows this long unless renewed
const typers = new Map(); // member -> { name, until }
let typingSent = 0;
let presenceTimer;

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
const kept = await store.conversation(conversation);
receipts = kept.receipts || [];
lastChange = kept.lastChange || 0;
await renderOutbox();
updateTicks();
outbox.start();
connection.start();

function sync() {
  connection.send({ type: 'sync', conversation, after: contiguous, changes: lastChange });
}

async function handle(frame) {
  switch (frame.type) {
    case 'history':
      if (frame.conversation === conversation) {
        frame.messages.forEach(show);
        await store.putMessages(conversation, frame.messages);
        const changed = frame.changed || [];
        changed.forEach(replace);
        await store.putMessages(conversation, changed);
        lastChange = Math.max(lastChange, frame.lastChange || 0);
        receipts = frame.receipts.filter((r) => r.account !== me);
        await store.saveConversation({ conversation, receipts, lastChange });
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
        if (typers.delete(message.senderId)) {
          renderTyping();
        }
        await store.putMessages(conversation, [message]);
        if (message.senderId === me) {
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
            senderId: me,
            senderName: '',
            kind: item.kind || 'TEXT',
            body: item.body,
            sentAt: frame.sentAt,
            removed: false,
          };
          show(stored);
          await store.putMessages(conversation, [stored]);
        }
      }
      await outbox.settled(frame.clientId);
      updateTicks();
      break;
    case 'receipt':
      if (frame.conversation === conversation && frame.receipt.account !== me) {
        receipts = receipts.filter((r) => r.account !== frame.receipt.account).concat(frame.receipt);
        await store.saveConversation({ conversation, receipts, lastChange });
        updateTicks();
      }
      break;
    case 'changed':
      if (frame.message.conversation === conversation) {
        replace(frame.message);
        await store.putMessages(conversation, [frame.message]);
      }
      break;
    case 'held':
      // Kept aside for a moderator: it leaves the outbox and waits in the room's review list.
      await outbox.settled(frame.clientId);
      refreshRoomPanels();
      break;
    case 'room':
      if (frame.room === room) {
        refreshRoomPanels();
      }
      break;
    case 'typing':
      if (frame.conversation === conversation && frame.member !== me) {
        typers.set(frame.member, { name: frame.name, until: Date.now() + TYPING_SHOW_MS });
        renderTyping();
      }
      break;
    case 'presence':
      if (frame.conversation === conversation) {
        // One member list refresh for a burst of comings and goings.
        clearTimeout(presenceTimer);
        presenceTimer = setTimeout(refreshRoomPanels, 1000);
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
  const element = render(message);
  if (message.senderId === me) {
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

/** A stored message as a bubble: its kind, its actions in a room, or the mark of its removal. */
function render(message) {
  const mine = message.senderId === me;
  const element = bubble(mine, message.senderName, message.body, message.sentAt);
  element.dataset.seq = String(message.seq);
  if (mine) {
    element.dataset.clientId = message.clientId;
  }
  if (message.removed) {
    element.classList.add('removed');
    element.querySelector('.msg-body').textContent = 'Removed by a moderator';
    return element;
  }
  if (KIND_LABELS[message.kind]) {
    element.classList.add(`msg-${message.kind.toLowerCase()}`);
    const label = document.createElement('span');
    label.className = 'msg-kind';
    label.textContent = KIND_LABELS[message.kind];
    element.querySelector('header').prepend(label);
  }
  if (room && (moderator || (canReport && !mine))) {
    const actions = document.createElement('span');
    actions.className = 'msg-actions';
    if (canReport && !mine) {
      actions.append(messageAction('report', 'Report'));
    }
    if (moderator) {
      actions.append(messageAction('pin', 'Pin'), messageAction('remove', 'Remove'));
    }
    element.append(actions);
  }
  return element;
}

function messageAction(name, label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button msg-action';
  button.dataset.action = name;
  button.textContent = label;
  return button;
}

/** A message changed on the server (removed): its bubble is drawn again, in place. */
function replace(message) {
  const old = shown.get(message.seq);
  if (!old) {
    show(message);
    return;
  }
  const element = render(message);
  if (old.dataset.state) {
    setState(element, old.dataset.state);
  }
  old.replaceWith(element);
  shown.set(message.seq, element);
}

/** At most a few names, then "several people"; signals expire unless renewed. */
function renderTyping() {
  const line = document.getElementById('typing');
  if (!line) {
    return;
  }
  const now = Date.now();
  typers.forEach((typer, member) => {
    if (typer.until <= now) {
      typers.delete(member);
    }
  });
  const names = [...typers.values()].map((typer) => typer.name);
  if (names.length === 0) {
    line.textContent = '';
  } else if (names.length === 1) {
    line.textContent = `${names[0]} is typing…`;
  } else if (names.length <= 3) {
    line.textContent = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are typing…`;
  } else {
    line.textContent = 'Several people are typing…';
  }
  if (names.length > 0) {
    clearTimeout(renderTyping.timer);
    renderTyping.timer = setTimeout(renderTyping, 1000);
  }
}

function signalTyping() {
  const now = Date.now();
  if (input.value.trim() && now - typingSent > TYPING_SEND_MS) {
    if (connection.send({ type: 'typing', conversation })) {
      typingSent = now;
    }
  }
}

function refreshRoomPanels() {
  if (typeof window.refreshRoom === 'function' && !isLeaving()) {
    window.refreshRoom();
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
  typingSent = 0;
  autoGrow();
  hideError();
  await outbox.add(conversation, body, kindSelect ? kindSelect.value : undefined);
  if (kindSelect) {
    kindSelect.value = 'TEXT';
  }
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
  input.addEventListener('input', () => {
    autoGrow();
    if (document.getElementById('typing')) {
      signalTyping();
    }
  });
  input.focus();
}
