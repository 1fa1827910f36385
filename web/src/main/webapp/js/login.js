// The login page is where a logged-out browser lands, by logout or by automatic logoff: whatever
// ConsultChat kept in this browser for anyone is deleted here.
import { wipeAll } from './store.js';

wipeAll().then(() => {
  document.body.dataset.wiped = 'true';
});
