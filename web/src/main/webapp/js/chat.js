// The chat page: history and live messages take the same path and are merged by sequence number, so a
// message shows once and in order however it arrives. Own messages show at once as pending until acked.
import { Connection, formatInstant } from './connection.js';

const root = document.getElementById('chat');
const conversation = Number(root.dataset.conversation);
const me = Number(root.dataset.me);
const canWrite = root.dataset.canWrite === 'true';
const maxLength = Number(root.dataset.maxLength) || 4000;

const list = document.getElementById('chat-messages');
const empty = document.getElementById('chat-empty');
const errorLine = document.getElementById('chat-error');
const composer = document.getElementById('composer');
const input = document.getElementById('composer-input');

const shown = new Map(); // seq -> element
const pending = new Map(); // clientId -> { body, element }
let lastSeq = 0;

const connection = new Connection({
  onReady: () => {
    // Registered first, then catch up from what we hold, then resend what was never acked.
    connection.send({ type: 'sync', conversation, after: lastSeq });
    pending.forEach((item, clientId) => transmit(clientId, item.body));
  },
  onFrame: handle,
}).start();

function handle(frame) {
  switch (frame.type) {
    case 'history':
      if (frame.conversation === conversation) {
        frame.messages.forEach(show);
        if (!frame.complete) {
          connection.send({ type: 'sync', conversation, after: lastSeq });
        }
      }
      break;
    case 'message':
      if (frame.message.conversation === conversation) {
        show(frame.message);
      }
      break;
    case 'ack':
      if (frame.conversation === conversation) {
        settle(frame.clientId, frame.seq);
      }
      break;
    case 'consultation':
      if (String(frame.consultation.id) === root.dataset.consultation) {
        updateHeader(frame.consultation);
      }
      break;
    case 'error':
      showError(frame.message);
      if (frame.clientId && pending.has(frame.clientId)) {
        fail(frame.clientId, frame.message);
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
  const element = bubble(message.senderId === me, message.senderName, message.body, message.sentAt);
  element.dataset.seq = String(message.seq);
  const waiting = message.senderId === me ? pending.get(message.clientId) : undefined;
  if (waiting) {
    waiting.element.remove();
    pending.delete(message.clientId);
  }
  setState(element, message.senderId === me ? 'sent' : null);
  insertInOrder(element, message.seq);
  shown.set(message.seq, element);
  lastSeq = Math.max(lastSeq, message.seq);
  empty.hidden = true;
}

function insertInOrder(element, seq) {
  const later = [...list.querySelectorAll('.msg[data-seq]')].find((m) => Number(m.dataset.seq) > seq);
  const firstPending = list.querySelector('.msg.pending, .msg.failed');
  list.insertBefore(element, later || firstPending || null);
  if (!later) {
    list.scrollTop = list.scrollHeight;
  }
}

function settle(clientId, seq) {
  const item = pending.get(clientId);
  if (item && !shown.has(seq)) {
    // The ack came before the message frame: the stored message is ours, numbered seq.
    item.element.dataset.seq = String(seq);
    item.element.classList.remove('pending');
    setState(item.element, 'sent');
    item.element.remove();
    insertInOrder(item.element, seq);
    shown.set(seq, item.element);
    lastSeq = Math.max(lastSeq, seq);
  } else if (item) {
    item.element.remove();
  }
  pending.delete(clientId);
}

function fail(clientId, reason) {
  const item = pending.get(clientId);
  pending.delete(clientId);
  item.element.classList.remove('pending');
  item.element.classList.add('failed');
  setState(item.element, 'failed', reason);
}

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

const STATES = { pending: 'Sending…', sent: 'Sent ✓', failed: 'Not sent' };

function setState(element, state, reason) {
  const label = element.querySelector('.msg-state');
  label.textContent = state ? STATES[state] : '';
  label.title = reason || '';
}

function transmit(clientId, body) {
  connection.send({ type: 'send', conversation, clientId, body });
}

function submit() {
  const body = input.value;
  if (!body.trim()) {
    return;
  }
  if ([...body].length > maxLength) {
    showError(`A message can have at most ${maxLength} characters.`);
    return;
  }
  const clientId = crypto.randomUUID();
  const element = bubble(true, '', body, null);
  element.classList.add('pending');
  setState(element, 'pending');
  list.appendChild(element);
  list.scrollTop = list.scrollHeight;
  empty.hidden = true;
  pending.set(clientId, { body, element });
  transmit(clientId, body); // if the socket is down, onReady resends it
  input.value = '';
  autoGrow();
  hideError();
}

function showError(message) {
  errorLine.textContent = message;
  errorLine.hidden = false;
}

function hideError() {
  errorLine.hidden = true;
}

function updateHeader(consultation) {
  const status = document.getElementById('chat-status');
  const labels = { REQUESTED: 'Waiting', ACTIVE: 'In progress', CLOSED: 'Closed' };
  status.textContent = labels[consultation.status] || consultation.status;
  status.className = `badge badge-${consultation.status.toLowerCase()}`;
  if (consultation.staffName && consultation.patientId === me) {
    document.getElementById('chat-counterpart').textContent = consultation.staffName;
  }
}

function autoGrow() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  input.style.overflowY = input.scrollHeight > 160 ? 'auto' : 'hidden';
}

if (canWrite) {
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
} else {
  composer.hidden = true;
}
