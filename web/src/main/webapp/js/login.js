// The login page is where a logged-out browser lands, by logout, by automatic logoff or after a lost
// session. Whatever ConsultChat kept in this browser is deleted here, but for the one account whose
// session was lost while its person was there: its unsent messages wait for that person to log in.
import { wipeAll, wipeAllBut } from './store.js';
import { resumeAccount } from './session.js';
import { t } from './words.js';

const kept = resumeAccount();
(kept ? wipeAllBut(kept) : wipeAll()).then(() => {
  document.body.dataset.wiped = 'true';
});

// Opened without a network (the app keeps this page for that), a login cannot reach the server: say so
// instead of letting the browser show its own error page.
const form = document.getElementById('login');
form?.addEventListener('submit', (event) => {
  if (navigator.onLine === false) {
    event.preventDefault();
    event.stopImmediatePropagation();
    let notice = document.getElementById('offline-notice');
    if (!notice) {
      notice = document.createElement('div');
      notice.id = 'offline-notice';
      notice.className = 'notice';
      notice.setAttribute('role', 'alert');
      notice.textContent = t('login.offline');
      form.before(notice);
    }
  }
});
