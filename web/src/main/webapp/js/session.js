// A session that ends is either an automatic logoff (the person left the device alone for the session
// timeout) or a lost session (a crash or restart ended it while the person was there). Only the first
// wipes what the browser kept: after the second, the person's unsent messages wait for them to log in
// again (docs/health-data-in-the-browser.md).

/** Names the one account whose database the login page keeps: its session was lost, not ended. */
export const RESUME_KEY = 'consultchat-resume';
export const ACTIVITY_PREFIX = 'consultchat-activity-';
// One write per burst of typing is enough to know when the person was last there.
const RECORD_EVERY_MS = 5000;

export function activityKey(accountId) {
  return `${ACTIVITY_PREFIX}${accountId}`;
}

/** Notes that the person did something now (a page load, a key, a click, a touch). */
export function recordActivity(accountId, { storage = globalThis.localStorage, now = Date.now() } = {}) {
  attempt(() => storage.setItem(activityKey(accountId), String(now)));
}

/** Records the person's activity on this page from now on, at most every few seconds. */
export function watchActivity(
  accountId,
  { target = globalThis.window, storage = globalThis.localStorage, clock = () => Date.now() } = {},
) {
  let recorded = -Infinity;
  const record = () => {
    const now = clock();
    if (now - recorded >= RECORD_EVERY_MS) {
      recorded = now;
      recordActivity(accountId, { storage, now });
    }
  };
  record();
  ['keydown', 'pointerdown', 'touchstart'].forEach((type) =>
    target.addEventListener(type, record, { passive: true, capture: true }),
  );
}

/**
 * What the end of a session means: 'logoff' when the person was inactive for at least the session
 * timeout (or nothing tells when they were last active), 'lost' otherwise. A timeout of 0 or less
 * means sessions never expire for inactivity, so an ended one was lost.
 */
export function sessionEnd(accountId, sessionMinutes, { storage = globalThis.localStorage, now = Date.now() } = {}) {
  if (!(sessionMinutes > 0)) {
    return 'lost';
  }
  const last = Number(attempt(() => storage.getItem(activityKey(accountId))));
  if (!last) {
    return 'logoff';
  }
  return now - last >= sessionMinutes * 60000 ? 'logoff' : 'lost';
}

export function markResume(accountId, storage = globalThis.localStorage) {
  attempt(() => storage.setItem(RESUME_KEY, String(accountId)));
}

export function clearResume(storage = globalThis.localStorage) {
  attempt(() => storage.removeItem(RESUME_KEY));
}

/** The account whose lost session the login page keeps data for, or 0. */
export function resumeAccount(storage = globalThis.localStorage) {
  const value = Number(attempt(() => storage.getItem(RESUME_KEY)));
  return Number.isInteger(value) && value > 0 ? value : 0;
}

// Storage may be refused (a blocked profile, a full disk): the page still works, it just cannot tell.
function attempt(action) {
  try {
    return action();
  } catch (e) {
    return null;
  }
}
