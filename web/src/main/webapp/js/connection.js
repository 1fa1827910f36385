// One live connection to the chat socket: reconnects with backoff and jitter, tells the page when it is
// ready (registered on the server, so catching up cannot miss anything) and shows its state in the top bar.

const CONTEXT = document.body.dataset.context || '';
const HEARTBEAT_MS = 25000;
const MAX_BACKOFF_MS = 30000;

export class Connection {
  constructor({ onReady = () => {}, onFrame = () => {} } = {}) {
    this.onReady = onReady;
    this.onFrame = onFrame;
    this.socket = null;
    this.attempt = 0;
    this.heartbeat = null;
    this.stopped = false;
    window.addEventListener('online', () => this.connectSoon(0));
    window.addEventListener('pagehide', () => this.stop());
  }

  start() {
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    clearInterval(this.heartbeat);
    if (this.socket) {
      this.socket.close(1000, 'Page closed');
    }
  }

  /** Sends a frame if the socket is ready; returns whether it went out. */
  send(frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN && this.ready) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  connect() {
    if (this.stopped) {
      return;
    }
    this.ready = false;
    showState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}${CONTEXT}/ws/chat`);
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => {
      clearInterval(this.heartbeat);
      this.ready = false;
      if (this.stopped) {
        return;
      }
      if (!opened || event.code === 1008) {
        // The handshake was refused or the login ended: if the session is gone, show the login page.
        checkStillLoggedIn();
      }
      this.connectSoon(backoff(++this.attempt));
    });
  }

  connectSoon(delay) {
    clearTimeout(this.retry);
    showState(navigator.onLine === false ? 'offline' : 'reconnecting');
    this.retry = setTimeout(() => this.connect(), delay);
  }

  receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (frame.type === 'ready') {
      this.ready = true;
      this.attempt = 0;
      this.me = frame.me;
      showState('connected');
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => this.send({ type: 'ping' }), HEARTBEAT_MS);
      this.onReady(frame);
    } else if (frame.type !== 'pong') {
      this.onFrame(frame);
    }
  }
}

function backoff(attempt) {
  const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 10));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

async function checkStillLoggedIn() {
  try {
    const response = await fetch(`${CONTEXT}/index.xhtml`, { cache: 'no-store' });
    if (response.url.includes('/login.xhtml')) {
      location.assign(`${CONTEXT}/login.xhtml`);
    }
  } catch (e) {
    // Offline: the next attempt will tell.
  }
}

const LABELS = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

function showState(state) {
  const badge = document.getElementById('connection');
  if (badge) {
    badge.dataset.state = state;
    badge.textContent = LABELS[state] || '';
  }
}

/** Shows ISO instants in <time class="local-time"> as the reader's local date and time. */
export function localizeTimes(root = document) {
  root.querySelectorAll('time.local-time').forEach((element) => {
    const instant = new Date(element.getAttribute('datetime'));
    if (!Number.isNaN(instant.getTime())) {
      element.textContent = formatInstant(instant);
      element.title = instant.toLocaleString();
    }
  });
}

export function formatInstant(instant) {
  const now = new Date();
  const time = instant.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (instant.toDateString() === now.toDateString()) {
    return time;
  }
  return `${instant.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}
