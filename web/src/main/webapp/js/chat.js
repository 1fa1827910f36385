// The chat page. Messages come from three places — the browser's cache, catch-up after a sequence
// number, and the live stream — and are merged by sequence number, so each shows once and in order.
// What the person writes goes through the outbox and shows its state: pending, sent, delivered, read,
// or failed with retry and cancel. The same script serves consultations and rooms; in a room
// (data-room) specialists' posts show apart, messages carry report and moderation actions, and the
// room's own panels are asked to refresh when the server says the room or its presence changed.
import { CONTEXT, Connection, ME, formatInstant, isLeaving, localizeTimes } from './connection.js';
import { openStore, wipeOthers } from './store.js';
import { Outbox } from './outbox.js';
import { notify } from './alerts.js';
import { attachEmojiPicker } from './emoji.js';
import { attachSnippets } from './snippets.js';

const root = document.getElementById('chat');
const conversation = Number(root.dataset.conversation);
const canWrite = root.dataset.canWrite === 'true';
const participant = root.dataset.participant === 'true';
const isPatient = root.dataset.patient === 'true';
const readReceipts = root.dataset.readReceipts !== 'false';
const editMillis = (Number(root.dataset.editMinutes) || 0) * 60000;
const maxLength = Number(root.dataset.maxLength) || 4000;
const TYPING_EVERY_MS = 3000;
// Who this person is in this conversation's messages and receipts: their account in a consultation,
// their handle in a room. The account (ME) still names what the browser keeps.
const me = Number(root.dataset.me) || ME;
const room = root.dataset.room ? Number(root.dataset.room) : 0;
const moderator = root.dataset.moderator === 'true';
const canReport = root.dataset.canReport === 'true';
const kindSelect = document.getElementById('composer-kind');
const KIND_LABELS = { RECOMMENDATION: 'Recommendation', NOTE: 'Note' };
let presenceTimer;

const list = document.getElementById('chat-messages');
const empty = document.getElementById('chat-empty');
const errorLine = document.getElementById('chat-error');
const composer = document.getElementById('composer');
const input = document.getElementById('composer-input');
const typingLine = document.getElementById('chat-typing');
const windowLine = document.getElementById('chat-window');
const presenceDot = document.getElementById('chat-presence-dot');
const presenceText = document.getElementById('chat-presence');

const STATES = {
  pending: 'Waiting to send…',
  sent: 'Sent ✓',
  delivered: 'Delivered ✓✓',
  read: 'Read ✓✓',
  failed: 'Not sent',
};

const shown = new Map(); // seq -> element of a stored message (changes have none)
const messages = new Map(); // seq -> the message as stored, to apply edits and deletions to
const edits = new Map(); // seq -> an edit or deletion entry
const typers = new Map(); // account -> { name, timer }
const pendingChanges = new Map(); // clientId -> edit or delete frame not yet acknowledged
let editing = null; // the seq of the own message being edited in the composer
let lastTypingSent = 0;
let unseen = 0; // messages that arrived while the page was hidden
const baseTitle = document.title;
let contiguous = 0; // every seq up to this one is shown
let newest = 0;
let receipts = []; // other members' { account, delivered, read }
let receiptSent = { delivered: 0, read: 0 };

localizeTimes();
await wipeOthers(ME);
const store = await openStore(ME);
const connection = new Connection({
  onReady: () => {
    if (!participant) {
      return; // an administrator looking in reads the audited transcript instead
    }
    // Registered first, then catch up from what we hold, then send (again) what waits in the outbox.
    sync();
    outbox.resendAll();
    pendingChanges.forEach((frame) => connection.send(frame));
    sendPresence();
  },
  onFrame: handle,
  onPoll: () => {
    if (participant) {
      connection.poll(conversation, contiguous);
      sendPresence();
    }
  },
});
const outbox = new Outbox({ store, connection, accountId: ME, onChange: () => renderOutbox() });

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
        receipts = frame.receipts.filter((r) => r.account !== me);
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
        const fresh = !shown.has(message.seq);
        show(message);
        await store.putMessages(conversation, [message]);
        if (message.senderId === me) {
          await outbox.settled(message.clientId);
        } else {
          stopTyping(message.senderId);
          if (fresh && message.kind === 'TEXT') {
            arrivedWhileAway(message);
          }
        }
        updateTicks();
        sendReceipts();
      } else if (frame.message.senderId !== ME && frame.message.kind === 'TEXT') {
        notify({
          title: `New message from ${frame.message.senderName}`,
          body: frame.message.body,
          url: `${CONTEXT}/index.xhtml`,
        });
      }
      break;
    case 'typing':
      if (frame.conversation === conversation && frame.account !== me) {
        showTyping(frame.account, frame.name, frame.expiresInMillis);
      }
      break;
    case 'presence':
      if (room) {
        // The room's member list shows presence: one refresh for a burst of comings and goings.
        clearTimeout(presenceTimer);
        presenceTimer = setTimeout(refreshRoomPanels, 1000);
      } else if (frame.conversation == null || frame.conversation === conversation) {
        frame.members.forEach(showPresence);
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
        if (participant) {
          sendPresence(); // members may have come or gone: watch the ones there are now
        }
      }
      break;
    case 'queue':
      if (frame.arrived) {
        notify({
          kind: 'request',
          title: 'New request in the queue',
          body: `${frame.arrived.subject} (${frame.arrived.specialtyName || 'General'})`,
          url: `${CONTEXT}/staff/queue.xhtml`,
        });
      }
      break;
    case 'ack':
      if (pendingChanges.delete(frame.clientId)) {
        break; // an edit or deletion: its message frame, before or after this ack, applies it
      }
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
      if (frame.clientId && pendingChanges.has(frame.clientId)) {
        if (frame.code === 'busy') {
          changeLater(frame.clientId, frame.retryAfter); // nothing was stored: the same change again
        } else {
          pendingChanges.delete(frame.clientId);
        }
        showError(frame.message);
        break;
      }
      if (frame.clientId) {
        await outbox.refused(frame.clientId, frame.code, frame.message, frame.retryAfter);
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
  if (message.kind === 'EDIT' || message.kind === 'DELETE') {
    applyChange(message);
    shown.set(message.seq, null);
    advance(message.seq);
    return;
  }
  messages.set(message.seq, message);
  const mine = message.senderId === me;
  const element = bubble(mine, message.senderName, message.body, message.sentAt);
  element.dataset.seq = String(message.seq);
  decorate(element, message);
  if (mine) {
    element.dataset.clientId = message.clientId;
    list.querySelector(`.msg.outbox[data-client-id="${message.clientId}"]`)?.remove();
  }
  const later = [...list.querySelectorAll('.msg[data-seq]')].find((m) => Number(m.dataset.seq) > message.seq);
  list.insertBefore(element, later || list.querySelector('.msg.outbox') || null);
  shown.set(message.seq, element);
  advance(message.seq);
  empty.hidden = true;
  if (!later) {
    list.scrollTop = list.scrollHeight;
  }
}

function advance(seq) {
  newest = Math.max(newest, seq);
  while (shown.has(contiguous + 1)) {
    contiguous += 1;
  }
}

/**
 * An edit or deletion names the message it changes. The stored copy is changed too, so a deleted
 * text does not stay behind in this browser.
 */
function applyChange(change) {
  const target = messages.get(change.ref);
  edits.set(change.seq, change);
  if (!target || target.deletedAt) {
    return; // older than what this browser keeps, or gone already
  }
  const changed =
    change.kind === 'DELETE'
      ? { ...target, body: '', deletedAt: change.sentAt, removedByModerator: change.removedByModerator }
      : { ...target, body: change.body, editedAt: change.sentAt };
  messages.set(change.ref, changed);
  const blanked = [];
  if (change.kind === 'DELETE') {
    edits.forEach((edit, seq) => {
      if (edit.ref === change.ref && edit.kind === 'EDIT' && edit.body) {
        const empty = { ...edit, body: '' };
        edits.set(seq, empty);
        blanked.push(empty);
      }
    });
  }
  store.putMessages(conversation, [changed, ...blanked]);
  const element = shown.get(change.ref);
  if (element) {
    element.querySelector('.msg-body').textContent = changed.deletedAt ? '' : changed.body;
    decorate(element, changed);
  }
  if (editing === change.ref && change.kind === 'DELETE') {
    stopEditing();
  }
}

/** Marks a message edited or deleted, and offers its sender to change it while they may. */
function decorate(element, message) {
  element.classList.toggle('deleted', Boolean(message.deletedAt));
  element.classList.toggle('removed', Boolean(message.deletedAt && message.removedByModerator));
  const note = element.querySelector('.msg-note');
  note.textContent = message.deletedAt
    ? message.removedByModerator
      ? 'Removed by a moderator'
      : 'This message was deleted'
    : message.editedAt
      ? 'edited'
      : '';
  element.querySelector('.msg-tools')?.remove();
  decorateKind(element, message);
  roomActions(element, message);
  const changeable =
    canWrite &&
    message.senderId === me &&
    !message.deletedAt &&
    Date.now() - new Date(message.sentAt).getTime() < editMillis;
  if (changeable) {
    const tools = document.createElement('span');
    tools.className = 'msg-tools';
    tools.append(
      action('Edit', () => startEditing(message.seq)),
      action('Delete', () => removeMessage(message.seq)),
    );
    element.querySelector('header').append(tools);
    const left = editMillis - (Date.now() - new Date(message.sentAt).getTime());
    setTimeout(() => tools.remove(), Math.max(0, left));
  }
}

/** Specialists' recommendations and notes are labelled and coloured apart. */
function decorateKind(element, message) {
  if (KIND_LABELS[message.kind] && !element.querySelector('.msg-kind')) {
    element.classList.add(`msg-${message.kind.toLowerCase()}`);
    const label = document.createElement('span');
    label.className = 'msg-kind';
    label.textContent = KIND_LABELS[message.kind];
    element.querySelector('header').prepend(label);
  }
}

/** In a room: report someone else's message; moderators also pin and remove. */
function roomActions(element, message) {
  element.querySelector('.msg-actions')?.remove();
  const mine = message.senderId === me;
  if (!room || message.deletedAt || !(moderator || (canReport && !mine))) {
    return;
  }
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

function messageAction(name, label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button msg-action';
  button.dataset.action = name;
  button.textContent = label;
  return button;
}

function refreshRoomPanels() {
  if (typeof window.refreshRoom === 'function' && !isLeaving()) {
    window.refreshRoom();
  }
}

function startEditing(seq) {
  const message = messages.get(seq);
  if (!message) {
    return;
  }
  editing = seq;
  input.value = message.body;
  composer.classList.add('editing');
  composer.dataset.editingLabel = 'Editing your message · Esc cancels';
  autoGrow();
  input.focus();
}

function stopEditing() {
  editing = null;
  composer?.classList.remove('editing');
  input.value = '';
  autoGrow();
}

function removeMessage(seq) {
  if (window.confirm('Delete this message for everyone?')) {
    change({ type: 'delete', conversation, clientId: crypto.randomUUID(), ref: seq });
  }
}

/** Edits and deletions are sent at once and again after a reconnect until acknowledged. */
function change(frame) {
  pendingChanges.set(frame.clientId, frame);
  if (!connection.send(frame)) {
    showError('You are offline: the change is sent when the connection is back.');
  }
}

/** Sends a change the busy server did not take again after the pause it asked for. */
function changeLater(clientId, retryAfter) {
  const seconds = Number.isFinite(retryAfter) ? retryAfter : 5;
  setTimeout(() => {
    const frame = pendingChanges.get(clientId);
    if (frame) {
      connection.send(frame);
    }
  }, seconds * 1000);
}

function showTyping(account, name, expiresInMillis) {
  const current = typers.get(account);
  clearTimeout(current?.timer);
  typers.set(account, { name, timer: setTimeout(() => stopTyping(account), expiresInMillis) });
  renderTyping();
}

function stopTyping(account) {
  const current = typers.get(account);
  if (current) {
    clearTimeout(current.timer);
    typers.delete(account);
    renderTyping();
  }
}

function renderTyping() {
  if (!typingLine) {
    return;
  }
  const names = [...typers.values()].map((t) => t.name);
  typingLine.textContent =
    names.length === 0
      ? ''
      : names.length === 1
        ? `${names[0]} is typing…`
        : names.length <= 3
          ? `${names.join(', ')} are typing…`
          : 'Several people are typing…';
}

/** Tells the server this page is in use or idle, and asks who else is here. */
function sendPresence() {
  connection.send({
    type: 'presence',
    conversation,
    state: document.visibilityState === 'visible' ? 'online' : 'away',
  });
}

function showPresence(member) {
  if (member.account === me || !presenceDot) {
    return;
  }
  presenceDot.dataset.state = member.state;
  if (member.state === 'online') {
    presenceText.textContent = 'online';
  } else if (member.state === 'away') {
    presenceText.textContent = 'away';
  } else if (member.lastSeen) {
    presenceText.textContent = `last seen ${formatInstant(new Date(member.lastSeen))}`;
  } else {
    presenceText.textContent = 'offline';
  }
}

function arrivedWhileAway(message) {
  if (document.visibilityState !== 'visible') {
    unseen += 1;
    document.title = `(${unseen}) ${baseTitle}`;
    notify({ title: `New message from ${message.senderName}`, body: message.body, url: location.href });
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
  const storedIds = new Set(
    [...shown.values()].filter(Boolean).map((e) => e.dataset.clientId).filter(Boolean),
  );
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
  const read = readReceipts ? Math.max(0, ...receipts.map((r) => r.read)) : 0;
  shown.forEach((element, seq) => {
    if (element?.classList.contains('mine')) {
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
document.addEventListener('visibilitychange', () => {
  sendReceipts();
  if (participant) {
    sendPresence();
  }
  if (document.visibilityState === 'visible') {
    unseen = 0;
    document.title = baseTitle;
  }
});

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
  const note = document.createElement('span');
  note.className = 'msg-note';
  const state = document.createElement('span');
  state.className = 'msg-state';
  element.append(header, text, note, state);
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
  hideError();
  if (editing !== null) {
    const ref = editing;
    stopEditing();
    if (body !== messages.get(ref)?.body) {
      change({ type: 'edit', conversation, clientId: crypto.randomUUID(), ref, body });
    }
    return;
  }
  input.value = '';
  autoGrow();
  lastTypingSent = 0;
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
  root.dataset.windowStart = consultation.windowStart || '';
  root.dataset.windowEnd = consultation.windowEnd || '';
  root.dataset.mayReply = String(consultation.patientMayReply);
  showWindow();
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

/**
 * A scheduled consultation: everyone sees when; outside it the patient reads and writes only if
 * the specialist allows replies. The server enforces the same rule; this only explains it.
 */
let windowTimer;
function showWindow() {
  clearTimeout(windowTimer);
  if (!windowLine) {
    return; // rooms have no appointments
  }
  const start = root.dataset.windowStart ? new Date(root.dataset.windowStart) : null;
  const end = root.dataset.windowEnd ? new Date(root.dataset.windowEnd) : null;
  const mayReply = root.dataset.mayReply === 'true';
  if (!start || !end) {
    windowLine.hidden = true;
    setComposerOpen(true, '');
    return;
  }
  const when = `${start.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })} – ${end.toLocaleTimeString([], { timeStyle: 'short' })}`;
  const now = Date.now();
  const inside = now >= start.getTime() && now < end.getTime();
  windowLine.hidden = false;
  windowLine.textContent = `Appointment: ${when}${mayReply ? ' · replies allowed outside it' : ''}`;
  const open = !isPatient || mayReply || inside;
  setComposerOpen(
    open,
    open ? '' : now < start.getTime() ? 'Writing opens at the appointment' : 'The appointment is over',
  );
  const next = now < start.getTime() ? start.getTime() : now < end.getTime() ? end.getTime() : null;
  if (next !== null && next - now < 24 * 3600 * 1000) {
    windowTimer = setTimeout(showWindow, next - now + 500);
  }
}

function setComposerOpen(open, reason) {
  if (!composer) {
    return;
  }
  composer.classList.toggle('closed-window', !open);
  input.disabled = !open;
  document.getElementById('composer-send').disabled = !open;
  input.placeholder = open ? 'Write a message' : reason;
}

/** Tells the others, at most every few seconds, that this person is typing. */
function typed() {
  const now = Date.now();
  if (input.value.trim() && editing === null && now - lastTypingSent > TYPING_EVERY_MS) {
    lastTypingSent = now;
    connection.send({ type: 'typing', conversation });
  }
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
    } else if (event.key === 'Escape' && editing !== null) {
      stopEditing();
    }
  });
  input.addEventListener('input', () => {
    autoGrow();
    typed();
  });
  input.focus();
  attachEmojiPicker(input, document.getElementById('composer-emoji'));
  attachSnippets(input, document.getElementById('composer-snippets'));
}
showWindow();
fillScheduleDialog();

/** The appointment dialog shows the current window in the specialist's local time. */
function fillScheduleDialog() {
  const zone = document.querySelector('[data-zone="browser"]');
  if (!zone) {
    return;
  }
  zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const local = (iso) => {
    const date = new Date(iso);
    const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return shifted.toISOString().slice(0, 16);
  };
  const [start, end] = document.querySelectorAll('.local-datetime');
  if (root.dataset.windowStart && start && end) {
    start.value = local(root.dataset.windowStart);
    end.value = local(root.dataset.windowEnd);
  }
}
