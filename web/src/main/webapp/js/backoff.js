// How long to wait before trying again, for the outbox and for the socket. Both are spread out on
// purpose: a server that is slow or restarting must not be met by every browser at the same moment.

/**
 * The first resend of an unacknowledged message: longer than the server's own 30 s of retrying a
 * frame it holds, so that a stalled server is not sent copies of what it is still working on.
 */
export const ACK_TIMEOUT_MS = 35000;
export const MAX_ACK_TIMEOUT_MS = 120000;
/** The longest pause between two attempts to open the socket. */
export const MAX_RECONNECT_MS = 60000;
const RECONNECT_BASE_MS = 1000;
// The server closes with these when it sheds a socket (1013) or restarts (1012), saying how long.
const SERVICE_RESTART = 1012;
const TRY_AGAIN_LATER = 1013;

/** How long after its n-th sending (1, 2, …) an unacknowledged item is due again: 35, 70, 120 s. */
export function ackTimeout(sends) {
  return Math.min(MAX_ACK_TIMEOUT_MS, ACK_TIMEOUT_MS * 2 ** Math.max(0, sends - 1));
}

/** The N of a close reason `retry-after=N`, or null. */
export function retryAfterOf(reason) {
  const match = /(?:^|\s|;)retry-after=(\d+)(?:$|\s|;)/.exec(reason || '');
  return match ? Number(match[1]) : null;
}

/**
 * The pause before reopening a socket closed with this code and reason, after `attempt` failed
 * attempts in a row (0 for the first). The server's own retry-after is spread over [0, N] s; any other
 * abnormal close uses exponential backoff with full jitter, so a crowd spreads out further the longer
 * the server stays away. `windowMs`, the last retry-after the server gave, is the least window for
 * the attempts that follow it: a server that restarts slower than its retry-after must not meet the
 * whole crowd retrying on short backoffs the moment it is back.
 */
export function reconnectDelay(code, reason, attempt, random = Math.random, windowMs = 0) {
  if (code === SERVICE_RESTART || code === TRY_AGAIN_LATER) {
    const seconds = retryAfterOf(reason);
    if (seconds !== null) {
      return random() * seconds * 1000;
    }
  }
  const exponential = Math.min(MAX_RECONNECT_MS, RECONNECT_BASE_MS * 2 ** Math.min(Math.max(0, attempt), 16));
  return random() * Math.max(windowMs, exponential);
}

/** The window a close asks for (ms), to be kept for the failed attempts after it; 0 if none. */
export function restartWindowOf(code, reason) {
  const seconds = code === SERVICE_RESTART || code === TRY_AGAIN_LATER ? retryAfterOf(reason) : null;
  return seconds === null ? 0 : seconds * 1000;
}
