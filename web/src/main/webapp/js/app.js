// On every page of a logged-in person: the offline page cache (service worker), nothing kept for
// anyone else (nor the mark of a lost session, now that someone is logged in), and a logout that
// leaves nothing behind in the browser.
import { CONTEXT, ME, localizeTimes, stopAll } from './connection.js';
import { openStore, wipeAll, wipeOthers } from './store.js';
import { watchIdle } from './idle.js';
import { wireNotificationSwitches } from './alerts.js';
import { keepFormDrafts } from './drafts.js';
import { t } from './words.js';

// Times are rendered as ISO instants; each person reads them in their own time zone.
localizeTimes();

if (ME) {
  wipeOthers(ME);
  const idleMinutes = Number(document.body.dataset.idleMinutes) || 0;
  if (idleMinutes > 0) {
    watchIdle({ me: ME, context: CONTEXT, idleMinutes, stop: stopAll });
  }
}

// A page names the remote command that redraws a part of it and the event that calls for it, in data
// attributes: the policy allows no inline script.
for (const marker of document.querySelectorAll('[data-redraw-on]')) {
  document.addEventListener(marker.dataset.redrawOn, () => window[marker.dataset.redraw]?.());
}

wireNotificationSwitches();
closeUserMenuFromOutside();
askBeforeConfirmedActions();
if (ME) {
  keepFormDrafts(ME, {
    // Any answer proves the server is reachable; this one is small and is not the person's activity.
    reachable: () =>
      fetch(`${CONTEXT}/api/unread`, { cache: 'no-store', credentials: 'same-origin' }).then(
        () => true,
        () => false,
      ),
  });
}

/**
 * A button that asks first carries its question, in the page's language, in data-confirm; the
 * policy allows no inline script. Declined, the click does nothing.
 */
function askBeforeConfirmedActions() {
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('[data-confirm]');
      if (button && !window.confirm(button.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );
}

/** The user menu closes as other menus do: a click elsewhere or Escape. */
function closeUserMenuFromOutside() {
  const menu = document.getElementById('user-menu');
  if (!menu) {
    return;
  }
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
}


const logout = document.getElementById('session:logout');
if (logout) {
  let confirmed = false;
  logout.addEventListener('click', async (event) => {
    if (confirmed) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    const store = await openStore(ME);
    const waiting = (await store.outbox()).length;
    store.close();
    if (
      waiting > 0 &&
      !window.confirm(waiting === 1 ? t('logout.unsent.one') : t('logout.unsent.many', waiting))
    ) {
      return;
    }
    stopAll();
    await wipeAll();
    confirmed = true;
    logout.click();
  }, true);
}
