// Live lists: the staff queue, a patient's consultations and the room directory reload themselves when the server says
// something changed, after every reconnect (nothing that happened meanwhile is missed), and at every
// poll when the browser has no socket.
import { Connection, ME, isLeaving, localizeTimes } from './connection.js';
import { wipeOthers } from './store.js';

function refresh() {
  if (isLeaving()) {
    return;
  }
  if (typeof window.refreshQueue === 'function') {
    window.refreshQueue();
  }
  if (typeof window.refreshConsultations === 'function') {
    window.refreshConsultations();
  }
  if (typeof window.refreshRooms === 'function') {
    window.refreshRooms();
  }
}

let firstReady = true;
let unreadTimer;
new Connection({
  onReady: () => {
    if (!firstReady) {
      refresh();
    }
    firstReady = false;
  },
  onFrame: (frame) => {
    if (frame.type === 'queue' || frame.type === 'consultation' || frame.type === 'room') {
      refresh();
    } else if (frame.type === 'message' && typeof window.refreshRooms === 'function') {
      // Unread counts: one refresh for a burst of messages, not one per message.
      clearTimeout(unreadTimer);
      unreadTimer = setTimeout(refresh, 1000);
    }
  },
  onPoll: refresh,
}).start();

wipeOthers(ME);
localizeTimes();
showWaitingCount();

// PrimeFaces replaces the lists after an update: show their times locally again and recount.
if (window.jQuery) {
  window.jQuery(document).on('pfAjaxComplete', () => {
    localizeTimes();
    showWaitingCount();
  });
}

function showWaitingCount() {
  const badge = document.getElementById('waiting-count');
  if (!badge) {
    return;
  }
  const count = document.querySelectorAll('.queue-item').length;
  badge.textContent = String(count);
  document.title = count > 0 ? `(${count}) Queue · ConsultChat` : 'Queue · ConsultChat';
}
