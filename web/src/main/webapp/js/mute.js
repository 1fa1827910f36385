// A muted room member reads but does not write: the composer is switched off and says why and until
// when, in the person's own time, and opens again by itself when the mute ends or is lifted. The page's
// notice (#muted-notice, redrawn with the room's panels) is the one source of the mute's end.
import { formatInstant } from './connection.js';
import { t } from './words.js';

const LONGEST_TIMER_MS = 2 ** 31 - 1;

export function watchMute(composer, root) {
  const input = document.getElementById('composer-input');
  if (!input) {
    return;
  }
  const writable = input.placeholder;
  const reason = document.createElement('p');
  reason.className = 'chat-notice composer-muted';
  reason.id = 'composer-muted';
  reason.setAttribute('role', 'status');
  reason.hidden = true;
  input.form.before(reason);
  let timer;
  const show = () => {
    clearTimeout(timer);
    const time = document.querySelector('#muted-notice time[datetime]');
    const until = time ? new Date(time.getAttribute('datetime')) : null;
    const muted = until !== null && until.getTime() > Date.now();
    root.dataset.muted = String(muted);
    reason.hidden = !muted;
    if (muted) {
      const when = formatInstant(until);
      reason.textContent = t('room.muted', when);
      composer.setOpen(false, t('room.muted.short', when));
      timer = setTimeout(show, Math.min(until.getTime() - Date.now() + 1000, LONGEST_TIMER_MS));
    } else if (input.disabled) {
      composer.setOpen(true, '');
      input.placeholder = writable;
    }
  };
  show();
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', show);
  }
}
