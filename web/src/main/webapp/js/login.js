// The login page is where a logged-out browser lands, by logout, by automatic logoff or after a lost
// session. Whatever ConsultChat kept in this browser is deleted here, but for the one account whose
// session was lost while its person was there: its unsent messages wait for that person to log in.
import { wipeAll, wipeAllBut } from './store.js';
import { resumeAccount } from './session.js';

const kept = resumeAccount();
(kept ? wipeAllBut(kept) : wipeAll()).then(() => {
  document.body.dataset.wiped = 'true';
});
