// Tells staff that something needs them: a toast on the page, a short tone unless muted, and a
// desktop notification while the page is in the background (if the browser allows it). Patients
// get none of this: their page shows what is new itself.
import { t } from './words.js';

const STAFF = document.body.dataset.staff === 'true';
const SOUND_KEY = 'consultchat.sound';
// A preference, not data: kept across logouts like the sound setting (store.js wipes 'consultchat-' keys).
const NOTIFICATIONS_KEY = 'consultchat.notifications';
let audio;

export function soundOn() {
  return localStorage.getItem(SOUND_KEY) !== 'off';
}

/** A request arrived or a patient wrote: toast, tone, and a desktop notification when hidden. */
export function notify({ title, body, url, kind = 'message' }) {
  if (!STAFF) {
    return;
  }
  const urgent = kind === 'urgent';
  toast(title, body, url, urgent);
  // An emergency sounds even when the everyday tone is muted.
  if (urgent) {
    tone(URGENT_TONE);
  } else if (soundOn()) {
    tone();
  }
  if (document.visibilityState !== 'visible' && notificationsOn()) {
    // Desktop notifications can show on a locked or shared screen: no names, no message text.
    const shown = new Notification(
      urgent
        ? t('alerts.desktop.urgent')
        : kind === 'request'
          ? t('alerts.desktop.request')
          : kind === 'handover'
            ? t('alerts.desktop.handover')
            : t('alerts.desktop.message'),
      { tag: urgent ? 'consultchat-urgent' : 'consultchat', requireInteraction: urgent },
    );
    shown.onclick = () => {
      window.focus();
      if (url) {
        location.assign(url);
      }
    };
  }
}

function toast(title, body, url, urgent = false) {
  let stack = document.getElementById('toasts');
  if (!stack) {
    stack = document.createElement('div');
    stack.id = 'toasts';
    stack.className = 'toasts';
    stack.setAttribute('role', 'status');
    stack.setAttribute('aria-live', 'polite');
    document.body.append(stack);
  }
  const item = document.createElement(url ? 'a' : 'div');
  item.className = urgent ? 'toast toast-urgent' : 'toast';
  if (urgent) {
    item.setAttribute('role', 'alert');
  }
  if (url) {
    item.href = url;
  }
  const heading = document.createElement('strong');
  heading.textContent = title;
  const text = document.createElement('span');
  text.textContent = body.length > 120 ? `${body.slice(0, 117)}…` : body;
  item.append(heading, text);
  stack.append(item);
  while (stack.children.length > 3) {
    stack.firstElementChild.remove();
  }
  // An urgent toast stays until someone acts on it.
  if (!urgent) {
    setTimeout(() => item.remove(), 8000);
  }
}

const EVERYDAY_TONE = [
  [0, 880],
  [0.18, 880],
];
/** Rising and repeated, unlike the everyday two beeps. */
const URGENT_TONE = [
  [0, 660],
  [0.2, 880],
  [0.4, 1100],
  [0.8, 660],
  [1.0, 880],
  [1.2, 1100],
];

/**
 * Browsers keep audio suspended until the person clicks or types on the page: the first gesture
 * anywhere starts it, so that the first request of the shift is heard and not only seen.
 */
function unlockAudioOnFirstGesture() {
  const kinds = ['pointerdown', 'keydown', 'touchstart'];
  const unlock = () => {
    kinds.forEach((kind) => window.removeEventListener(kind, unlock, true));
    try {
      audio = audio || new AudioContext();
      const running = () => {
        document.body.dataset.audio = audio.state;
      };
      audio.addEventListener('statechange', running);
      audio.resume().then(running, running);
    } catch {
      // No Web Audio in this browser: toasts and notifications still show.
    }
  };
  kinds.forEach((kind) => window.addEventListener(kind, unlock, true));
}

if (STAFF) {
  unlockAudioOnFirstGesture();
}

/** Beeps made on the spot: no sound file to load or cache. */
function tone(beeps = EVERYDAY_TONE) {
  try {
    audio = audio || new AudioContext();
    if (audio.state === 'suspended') {
      audio.resume().catch(() => undefined);
    }
    const now = audio.currentTime;
    beeps.forEach(([offset, frequency]) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(beeps === URGENT_TONE ? 0.3 : 0.15, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.15);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(now + offset);
      oscillator.stop(now + offset + 0.16);
    });
  } catch {
    // Browsers refuse audio before the first click on the page; the toast still shows.
  }
}

/** Wires the mute and desktop-notification buttons of the staff workspace, where present. */
export function wireAlertControls() {
  const sound = document.getElementById('sound-toggle');
  if (sound) {
    const show = () => {
      sound.setAttribute('aria-pressed', String(soundOn()));
      sound.querySelector('.pi').className = `pi ${soundOn() ? 'pi-volume-up' : 'pi-volume-off'}`;
      sound.title = soundOn() ? t('alerts.sound.on') : t('alerts.sound.off');
    };
    sound.addEventListener('click', () => {
      localStorage.setItem(SOUND_KEY, soundOn() ? 'off' : 'on');
      show();
    });
    show();
  }
  const desktop = document.getElementById('notify-toggle');
  if (desktop && 'Notification' in window && Notification.permission === 'default') {
    desktop.hidden = false;
    desktop.addEventListener('click', async () => {
      await Notification.requestPermission();
      desktop.hidden = Notification.permission !== 'default';
    });
  }
}

/** Desktop notifications show only when the browser allows them and the person has not switched them off. */
export function notificationsOn() {
  return (
    'Notification' in window &&
    Notification.permission === 'granted' &&
    localStorage.getItem(NOTIFICATIONS_KEY) !== 'off'
  );
}

function notificationsLabel() {
  if (!('Notification' in window)) {
    return t('alerts.notifications.unavailable');
  }
  if (Notification.permission === 'denied') {
    return t('alerts.notifications.blocked');
  }
  return notificationsOn() ? t('alerts.notifications.on') : t('alerts.notifications.off');
}

/** Every on/off switch of desktop notifications on the page (user menu, settings): one remembered choice. */
export function wireNotificationSwitches() {
  const switches = [...document.querySelectorAll('[data-notifications-toggle]')];
  const show = () =>
    switches.forEach((button) => {
      button.setAttribute('aria-pressed', String(notificationsOn()));
      button.disabled = !('Notification' in window) || Notification.permission === 'denied';
      button.querySelector('.notifications-state').textContent = notificationsLabel();
    });
  switches.forEach((button) =>
    button.addEventListener('click', async () => {
      if (notificationsOn()) {
        localStorage.setItem(NOTIFICATIONS_KEY, 'off');
      } else {
        if (Notification.permission === 'default') {
          await Notification.requestPermission();
        }
        if (Notification.permission === 'granted') {
          localStorage.setItem(NOTIFICATIONS_KEY, 'on');
        }
      }
      show();
    }),
  );
  show();
}

const handedToMe = new Set();

/**
 * A consultation was handed to this person (by a colleague, or a patient's follow-up): they hear of
 * it on whatever page they are.
 */
export function notifyHandover(consultation) {
  const me = Number(document.body.dataset.me);
  if (consultation.status !== 'TRANSFERRED' || consultation.staffId !== me) {
    return;
  }
  if (handedToMe.has(consultation.id)) {
    return;
  }
  handedToMe.add(consultation.id);
  notify({
    kind: 'handover',
    title: consultation.followUpOf ? t('alerts.followup') : t('alerts.handover'),
    body: consultation.subject,
    url: `${document.body.dataset.context}/consultation/chat.xhtml?id=${consultation.id}`,
  });
}
