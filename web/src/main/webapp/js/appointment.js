// The appointment of a scheduled consultation. Everyone sees when it is; outside it the patient reads
// and writes only if the specialist allows replies. The server enforces the same rule; the page only
// explains it. The appointment dialog opens on the current window in the specialist's local time.
import { t, language } from './words.js';

const DAY_MS = 24 * 3600 * 1000;
// Looks again just after a boundary, so that the clock has surely passed it.
const AFTER_BOUNDARY_MS = 500;

/**
 * What a window means now (start, end and now in epoch milliseconds; no start or end: no window):
 * whether the composer is open, why not, and when the answer changes next if that is within a day.
 */
export function appointmentState({ start, end, mayReply, patient, now }) {
  if (start == null || end == null) {
    return { scheduled: false, open: true, reason: '', changesAt: null };
  }
  const open = !patient || mayReply || (now >= start && now < end);
  const next = now < start ? start : now < end ? end : null;
  return {
    scheduled: true,
    open,
    reason: open ? '' : now < start ? t('appointment.before') : t('appointment.over'),
    changesAt: next !== null && next - now < DAY_MS ? next : null,
  };
}

let timer;

/** Shows the window of the chat (root) and opens or closes the composer by it (setOpen). */
export function showAppointment(root, setOpen) {
  clearTimeout(timer);
  const line = document.getElementById('chat-window');
  if (!line) {
    return; // rooms have no appointments
  }
  const data = root.dataset;
  const start = data.windowStart ? new Date(data.windowStart) : null;
  const end = data.windowEnd ? new Date(data.windowEnd) : null;
  const mayReply = data.mayReply === 'true';
  const now = Date.now();
  const state = appointmentState({
    start: start?.getTime(),
    end: end?.getTime(),
    mayReply,
    patient: data.patient === 'true',
    now,
  });
  line.hidden = !state.scheduled;
  setOpen(state.open, state.reason);
  if (!state.scheduled) {
    return;
  }
  const when = `${start.toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' })} – ${end.toLocaleTimeString(language(), { timeStyle: 'short' })}`;
  line.textContent = t(mayReply ? 'appointment.when.replies' : 'appointment.when', when);
  if (state.changesAt !== null) {
    timer = setTimeout(() => showAppointment(root, setOpen), state.changesAt - now + AFTER_BOUNDARY_MS);
  }
}

/** Fills the appointment dialog, where the page has one, with the window and the browser's zone. */
export function fillAppointmentDialog(root) {
  const zone = document.querySelector('[data-zone="browser"]');
  if (!zone) {
    return;
  }
  zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [start, end] = document.querySelectorAll('.local-datetime');
  if (root.dataset.windowStart && start && end) {
    start.value = localDateTime(root.dataset.windowStart);
    end.value = localDateTime(root.dataset.windowEnd);
  }
}

/** An instant as the value of a datetime-local input: the browser's wall-clock time, to the minute. */
function localDateTime(iso) {
  const date = new Date(iso);
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 16);
}
