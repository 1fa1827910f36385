// Live lists: the staff queue, a patient's consultations and the room directory redraw themselves
// when the server says something changed, after every reconnect (nothing that happened meanwhile is
// missed), and at every poll when the browser has no socket; this module announces it, and the page
// redraws its list. Unread counts rise as messages arrive; staff are alerted to new requests and to
// patients writing. Messages still waiting in the person's outbox (written offline, or before a lost
// session) are sent from here too, without opening their conversation.
import { CONTEXT, Connection, ME, formatInstant, localizeTimes } from './connection.js';
import { openStore, wipeOthers } from './store.js';
import { Outbox } from './outbox.js';
import { FileUploader } from './uploads.js';
import { notify, notifyHandover, wireAlertControls } from './alerts.js';
import { LISTS_CHANGED, announce } from './page-events.js';
import { showUrgent } from './emergency.js';
import { t } from './words.js';

const baseTitle = document.title;

function refresh() {
  announce(LISTS_CHANGED);
}

let firstReady = true;
let outbox = null;
const connection = new Connection({
  onReady: () => {
    if (!firstReady) {
      refresh();
    }
    firstReady = false;
    outbox?.resendAll();
  },
  onFrame: (frame) => {
    answerOutbox(frame);
    if (frame.type === 'queue' || frame.type === 'consultation' || frame.type === 'room' || frame.type === 'room-deleted' || frame.type === 'urgent') {
      refresh();
    }
    if (frame.type === 'urgent') {
      showUrgent(frame, {
        here: false,
        url: frame.room
          ? `${CONTEXT}/rooms/room.xhtml?id=${frame.room}`
          : frame.waiting
            ? `${CONTEXT}/staff/queue.xhtml`
            : `${CONTEXT}/consultation/chat.xhtml?id=${frame.consultation}`,
      });
    }
    if (frame.type === 'consultation') {
      notifyHandover(frame.consultation);
    }
    if (frame.type === 'queue' && frame.arrived) {
      notify({
        kind: 'request',
        title: t('lists.new-request'),
        body: `${frame.arrived.subject} (${frame.arrived.specialtyName || t('lists.general')})`,
        url: `${CONTEXT}/staff/queue.xhtml`,
      });
    }
    if (frame.type === 'message' && frame.message.senderId !== ME && frame.message.kind === 'TEXT') {
      const badge = document.querySelector(`.unread[data-conversation="${frame.message.conversation}"]`);
      if (badge) {
        badge.textContent = String((Number(badge.textContent) || 0) + 1);
        showTotals();
        const link = badge.closest('a');
        notify({
          title: t('lists.new-message', frame.message.senderName),
          body: frame.message.body,
          url: link ? link.href : undefined,
        });
      }
    }
  },
  onPoll: refresh,
});

connection.start();
wipeOthers(ME)
  .then(() => openStore(ME))
  .then((store) => {
    outbox = new Outbox({ store, connection, accountId: ME, uploader: new FileUploader() }).start();
  });
wireAlertControls();
localizeTimes();
showTotals();
showWaitingTimes();
setInterval(showWaitingTimes, 30000);

// PrimeFaces replaces the lists after an update: show their times locally again and recount.
if (window.jQuery) {
  window.jQuery(document).on('pfAjaxComplete', () => {
    localizeTimes();
    showTotals();
    showWaitingTimes();
  });
}

/** The page title carries what needs attention: waiting requests and unread messages. */
function showTotals() {
  const badge = document.getElementById('waiting-count');
  const waiting = document.querySelectorAll('.queue-item').length;
  if (badge) {
    badge.textContent = String(waiting);
  }
  const unread = [...document.querySelectorAll('.unread')].reduce(
    (sum, element) => sum + (Number(element.textContent) || 0),
    0,
  );
  const count = waiting + unread;
  document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
}

/** "waiting 12 min": how long each request has waited, kept current without a reload. */
function showWaitingTimes() {
  const now = Date.now();
  document.querySelectorAll('.waiting-time[data-since]').forEach((element) => {
    const since = new Date(element.dataset.since);
    const minutes = Math.max(0, Math.floor((now - since.getTime()) / 60000));
    element.textContent =
      minutes < 1
        ? t('lists.waiting.under-minute')
        : minutes < 60
          ? t('lists.waiting.minutes', minutes)
          : t('lists.waiting.hours', Math.floor(minutes / 60), minutes % 60);
    element.title = t('lists.waiting.since', formatInstant(since));
    element.classList.toggle('long-wait', minutes >= 15);
  });
}

/** What the server answers to frames this page sent for the outbox. */
function answerOutbox(frame) {
  if (!outbox || !frame.clientId) {
    return;
  }
  if (frame.type === 'ack' || frame.type === 'held') {
    outbox.settled(frame.clientId);
  } else if (frame.type === 'error') {
    outbox.refused(frame.clientId, frame.code, frame.message, frame.retryAfter);
  }
}
