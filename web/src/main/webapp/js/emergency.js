// What the page shows when something a patient wrote may be an emergency: to the patient, the
// notice with the emergency number (rendered hidden by the server, revealed here); to staff, the
// banner, the flagged message and an alert that stands out from the everyday ones.
import { notify } from './alerts.js';
import { t } from './words.js';

/** The patient's notice, brought into view and focused so a screen reader announces it. */
export function showEmergency() {
  const notice = document.getElementById('emergency-notice');
  if (!notice) {
    return;
  }
  notice.dataset.shown = 'true';
  notice.setAttribute('tabindex', '-1');
  notice.scrollIntoView({ block: 'nearest' });
  notice.focus({ preventScroll: true });
}

/** Staff: the alert, and on the page of that conversation its banner and flagged message. */
export function showUrgent(frame, { here, url }) {
  notify({
    kind: 'urgent',
    title: t('emergency.title'),
    body: frame.room ? t('emergency.room') : t('emergency.open'),
    url,
  });
  if (!here) {
    return;
  }
  const banner = document.getElementById('urgent-banner');
  if (banner) {
    banner.dataset.shown = 'true';
  }
  if (frame.seq) {
    document.querySelector(`#chat-messages .msg[data-seq="${frame.seq}"]`)?.classList.add('msg-urgent');
  }
}
