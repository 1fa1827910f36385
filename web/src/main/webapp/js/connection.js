// The live connection of a page: a socket when it can, HTTP polling when it cannot (or when the clinic
// forces polling), nothing while the browser is offline. It says when it is ready (registered on the
// server, so catching up now cannot miss anything) and shows its state in the top bar.
import { reconnectDelay, restartWindowOf } from './backoff.js';
import { markResume, clearResume, sessionEnd, watchActivity } from './session.js';
import { t, language } from './words.js';

const body = document.body.dataset;
export const CONTEXT = body.context || '';
export const ME = Number(body.me) || 0;
const POLL_MS = Math.max(2, Number(body.pollInterval) || 10) * 1000;
const FORCE_POLLING = body.forcePolling === 'true';
// The server's session timeout: inactive this long, an ended session is an automatic logoff.
const SESSION_MINUTES = body.sessionMinutes === undefined ? 30 : Number(body.sessionMinutes);
const HEARTBEAT_MS = 25000;
const SOCKET_FAILURES_BEFORE_POLLING = 2;
const SERVICE_UNAVAILABLE = 503;

if (ME) {
  watchActivity(ME);
}

const open = new Set();

// Set once the page starts navigating away (a Faces form posts and redirects). A panel refresh sent
// now would reach the server before the redirected page and take the messages meant for that page.
let leaving = false;
window.addEventListener('beforeunload', () => {
  leaving = true;
});
window.addEventListener('pageshow', () => {
  leaving = false;
});

export function isLeaving() {
  return leaving;
}

/** Ends every connection of the page, e.g. before logging out, so none reacts to the logout. */
export function stopAll() {
  open.forEach((connection) => connection.stop());
}

export class Connection {
  constructor({ onReady = () => {}, onFrame = () => {}, onPoll = () => {} } = {}) {
    open.add(this);
    this.onReady = onReady;
    this.onFrame = onFrame;
    this.onPoll = onPoll;
    this.mode = 'idle'; // socket | polling | offline
    this.socket = null;
    this.failures = 0;
    this.stopped = false;
    window.addEventListener('online', () => this.connect());
    window.addEventListener('offline', () => this.goOffline());
    window.addEventListener('pagehide', () => this.stop());
  }

  start() {
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    this.clearTimers();
    if (this.socket) {
      this.socket.close(1000, 'Page closed'); // not shown
    }
  }

  get ready() {
    return this.mode === 'polling' || (this.mode === 'socket' && this.socketReady);
  }

  /** Whether frames go over HTTP polling now, each request answered before the next leaves. */
  get polling() {
    return this.mode === 'polling';
  }

  /** Sends a frame over whatever carries frames now; returns whether it went out. */
  send(frame) {
    if (this.socketOpen()) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    if (this.mode === 'polling') {
      this.post([frame]);
      return true;
    }
    return false;
  }

  /**
   * Sends frames in this order: over the socket one after the other, over polling in one request,
   * whose answers are handled before this resolves. Resolves to { sent, retryAfter }: sent is false
   * when nothing carries frames now; retryAfter (seconds) when the server took none of them.
   */
  async transmit(frames) {
    if (this.socketOpen()) {
      frames.forEach((frame) => this.socket.send(JSON.stringify(frame)));
      return { sent: true };
    }
    if (this.mode === 'polling') {
      return this.post(frames);
    }
    return { sent: false };
  }

  socketOpen() {
    return this.mode === 'socket' && this.socketReady && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * In polling mode, asks for what is new in a conversation after a sequence number. The version
   * token of the last full answer lets the server answer "nothing new" without its database.
   */
  async poll(conversation, after) {
    this.versions = this.versions || new Map();
    const seen = this.versions.get(conversation);
    const response = await this.exchange(
      `${CONTEXT}/api/conversations/${conversation}/frames?after=${after}` +
        (seen ? `&v=${encodeURIComponent(seen)}` : ''),
      { method: 'GET' },
    );
    const version = response?.ok ? response.headers.get('Poll-Version') : null;
    if (version) {
      this.versions.set(conversation, version);
    } else {
      this.versions.delete(conversation);
    }
  }

  connect() {
    if (this.stopped) {
      return;
    }
    this.clearTimers();
    if (navigator.onLine === false) {
      this.goOffline();
      return;
    }
    if (this.mode === 'offline') {
      this.mode = 'idle'; // back online: a failing socket must lead to retries and polling again
    }
    if (FORCE_POLLING) {
      this.startPolling();
      return;
    }
    this.openSocket();
  }

  openSocket() {
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) {
      return;
    }
    this.socketReady = false;
    if (this.mode !== 'polling') {
      showState(this.failures === 0 ? 'connecting' : 'reconnecting');
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // The page's language, so that the server's error frames speak it too.
    const lang = encodeURIComponent(language());
    const socket = new WebSocket(`${scheme}://${location.host}${CONTEXT}/ws/chat?lang=${lang}`);
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      this.socketReady = false;
      clearInterval(this.heartbeat);
      if (this.stopped || this.mode === 'offline') {
        return;
      }
      const ended = ENDED_LOGINS[event.reason];
      if (event.code === 1008 && ended) {
        // An administrator ended this login: nothing of it is kept for later.
        this.stopped = true;
        clearResume();
        location.assign(`${CONTEXT}/login.xhtml?${ended}=true`);
        return;
      }
      if (!opened || event.code === 1008) {
        checkStillLoggedIn();
      }
      this.failures += 1;
      if (this.mode === 'socket') {
        this.mode = 'idle';
      }
      if (!opened && this.failures >= SOCKET_FAILURES_BEFORE_POLLING && this.mode !== 'polling') {
        this.startPolling();
      }
      // Keep trying the socket after a random pause, so that a crowd of pages does not come back at
      // once; polling carries on meanwhile.
      this.restartWindow = restartWindowOf(event.code, event.reason) || this.restartWindow || 0;
      const delay = reconnectDelay(event.code, event.reason, this.failures - 1, Math.random, this.restartWindow);
      this.retry = setTimeout(() => this.openSocket(), delay);
      if (this.mode !== 'polling') {
        showState('reconnecting');
      }
    });
  }

  receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (frame.type === 'ready') {
      this.failures = 0;
      this.restartWindow = 0;
      this.socketReady = true;
      this.stopPolling();
      this.mode = 'socket';
      showState('connected');
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => this.send({ type: 'ping' }), HEARTBEAT_MS);
      this.onReady();
    } else if (frame.type !== 'pong') {
      this.onFrame(frame);
    }
  }

  startPolling() {
    if (this.mode === 'polling') {
      return;
    }
    this.mode = 'polling';
    showState('polling');
    this.onReady();
    this.onPoll();
    this.pollTimer = setInterval(() => this.onPoll(), POLL_MS);
  }

  stopPolling() {
    clearInterval(this.pollTimer);
    if (this.mode === 'polling') {
      this.mode = 'idle';
    }
  }

  goOffline() {
    this.clearTimers();
    this.mode = 'offline';
    this.socketReady = false;
    if (this.socket) {
      const socket = this.socket;
      this.socket = null;
      socket.close(1000, 'Offline');
    }
    showState('offline');
  }

  clearTimers() {
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    clearInterval(this.pollTimer);
  }

  /** One request with these frames; a 503 says the server handled none and when to try again. */
  async post(frames) {
    const response = await this.exchange(`${CONTEXT}/api/frames`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(frames),
    });
    if (response?.status === SERVICE_UNAVAILABLE) {
      const seconds = Number(response.headers.get('Retry-After'));
      return { sent: true, retryAfter: Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined };
    }
    // Also when the network failed: the request may have arrived, so the frames wait for their answer.
    return { sent: true };
  }

  /** Fetches, hands the JSON frames of the answer to the page, and returns the response, if any. */
  async exchange(url, options) {
    let response;
    try {
      response = await fetch(url, { ...options, cache: 'no-store', credentials: 'same-origin' });
    } catch (e) {
      return null; // the network failed; the next poll or reconnect tries again
    }
    if (response.redirected && response.url.includes('/login.xhtml')) {
      sessionEnded();
      return null;
    }
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('application/json')) {
      const frames = await response.json();
      for (const frame of frames) {
        await this.onFrame(frame);
      }
    }
    return response;
  }
}

async function checkStillLoggedIn() {
  try {
    const response = await fetch(`${CONTEXT}/index.xhtml`, { cache: 'no-store' });
    if (response.url.includes('/login.xhtml')) {
      sessionEnded();
    }
  } catch (e) {
    // Offline: the next attempt tells.
  }
}

/**
 * The server no longer knows this session. After the session timeout without the person, it is an
 * automatic logoff: the login page wipes what the browser kept. Otherwise the session was lost (a
 * crash, a restart): the login page keeps this account's unsent messages until its person is back.
 */
function sessionEnded() {
  if (sessionEnd(ME, SESSION_MINUTES) === 'lost') {
    markResume(ME);
    location.assign(`${CONTEXT}/login.xhtml?resume=true`);
  } else {
    clearResume();
    location.assign(`${CONTEXT}/login.xhtml?expired=true`);
  }
}

/** Close reasons of a login an administrator ended, and what the login page then says. */
const ENDED_LOGINS = { 'account-disabled': 'disabled', 'account-changed': 'ended' };

// The keys of each state's words (words.js).
const LABELS = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  polling: 'connection.polling',
};

function showState(state) {
  const badge = document.getElementById('connection');
  if (badge) {
    badge.dataset.state = state;
    badge.textContent = LABELS[state] ? t(LABELS[state]) : '';
  }
}

/** Shows ISO instants in <time class="local-time"> as the reader's local date and time. */
export function localizeTimes(root = document) {
  root.querySelectorAll('time.local-time').forEach((element) => {
    const instant = new Date(element.getAttribute('datetime'));
    if (!Number.isNaN(instant.getTime())) {
      element.textContent = formatInstant(instant);
      element.title = instant.toLocaleString(language());
    }
  });
}

export function formatInstant(instant) {
  const now = new Date();
  const time = instant.toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit' });
  if (instant.toDateString() === now.toDateString()) {
    return time;
  }
  return `${instant.toLocaleDateString(language(), { day: 'numeric', month: 'short' })} ${time}`;
}
