// The automatic logoff, seen from the page: the server ends a session after CONSULTCHAT_IDLE_LOGOFF_MINUTES
// without anything the person did. Heartbeats and polls do not count there, so the page reports real
// activity (keys, clicks, touches; recorded by session.js for every tab) at most every half minute, warns a
// minute before the end, and lets the person stay.
import { activityKey, clearResume, recordActivity } from './session.js';

export const REPORT_EVERY_MS = 30000;
export const WARN_MS = 60000;
const TICK_MS = 1000;
const RETRY_AFTER_FAILURE_MS = 10000;
const REPORTED_PREFIX = 'consultchat-reported-';

/**
 * What to do now, from when the person last did something, when the server last heard of it, and the
 * idle limit: 'report' the activity, 'warn' with the seconds left, 'logoff', or nothing ('none').
 */
export function idleStep({ activity, reported, now, idleMs }) {
  const idleFor = now - reported;
  if (activity > reported && (idleFor >= REPORT_EVERY_MS || idleFor >= idleMs - WARN_MS)) {
    return { action: 'report' };
  }
  if (idleFor >= idleMs) {
    return { action: 'logoff' };
  }
  if (idleFor >= idleMs - WARN_MS) {
    return { action: 'warn', seconds: Math.ceil((idleMs - idleFor) / 1000) };
  }
  return { action: 'none' };
}

/** Watches this page until the person leaves or is logged off. */
export function watchIdle({ me, context, idleMinutes, stop, storage = globalThis.localStorage }) {
  const warning = document.getElementById('idle-warning');
  const seconds = document.getElementById('idle-seconds');
  const idleMs = idleMinutes * 60000;
  const reportedKey = `${REPORTED_PREFIX}${me}`;
  const read = (key) => Number(attempt(() => storage.getItem(key))) || 0;
  let ending = false;
  let reporting = false;
  // After a failed report (no network), the next try waits a while rather than come every tick.
  let quietUntil = 0;

  // Loading this page was activity the server counted.
  attempt(() => storage.setItem(reportedKey, String(Date.now())));

  async function report() {
    if (reporting || Date.now() < quietUntil) {
      return;
    }
    reporting = true;
    const at = Date.now();
    try {
      const answer = await fetch(`${context}/api/session/activity`, { method: 'POST', credentials: 'same-origin' });
      if (answer.status === 401) {
        end(false);
      } else if (answer.ok) {
        attempt(() => storage.setItem(reportedKey, String(at)));
      }
    } catch (offline) {
      quietUntil = Date.now() + RETRY_AFTER_FAILURE_MS;
    } finally {
      reporting = false;
    }
  }

  async function end(tellServer) {
    if (ending) {
      return;
    }
    ending = true;
    clearInterval(timer);
    stop();
    clearResume(storage);
    if (tellServer) {
      await fetch(`${context}/api/session/logoff`, { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    }
    window.location.assign(`${context}/login.xhtml?expired=true`);
  }

  function tick() {
    // Logging out wipes the page's keys before the logout form goes; the page may live on for a
    // while (a logout through the portal's provider is a few redirects), and without its mark it
    // would take the wipe for a long silence and post an automatic logoff over the logout.
    if (attempt(() => storage.getItem(reportedKey)) === null) {
      clearInterval(timer);
      return;
    }
    const step = idleStep({ activity: read(activityKey(me)), reported: read(reportedKey), now: Date.now(), idleMs });
    if (step.action === 'report') {
      report();
    } else if (step.action === 'logoff') {
      end(true);
      return;
    }
    if (warning) {
      warning.hidden = step.action !== 'warn';
      if (step.action === 'warn' && seconds) {
        seconds.textContent = String(step.seconds);
      }
    }
  }

  document.getElementById('idle-stay')?.addEventListener('click', () => {
    recordActivity(me, { storage });
    if (warning) {
      warning.hidden = true;
    }
    report();
  });
  const timer = setInterval(tick, TICK_MS);
  tick();
}

function attempt(action) {
  try {
    return action();
  } catch (e) {
    return null;
  }
}
