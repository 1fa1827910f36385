// Voice notes: the microphone button records with the browser's MediaRecorder while a bar shows the
// time; "Send" stops and sends the recording as an audio file (through the uploads, like any file),
// "Cancel" throws it away. The microphone is released as soon as recording ends either way.
import { t } from './words.js';

/** A recording ends by itself after this long, and is sent. */
const LIMIT_SECONDS = 5 * 60;

export class VoiceNotes {
  /** send(file) hands a finished recording on; errors shows the page's error line. */
  constructor({ button, composer, send, errors }) {
    this.button = button;
    this.composer = composer;
    this.send = send;
    this.errors = errors;
  }

  attach() {
    if (!this.button) {
      return;
    }
    if (!window.MediaRecorder || !navigator.mediaDevices?.getUserMedia) {
      this.button.hidden = true; // this browser cannot record
      return;
    }
    this.button.addEventListener('click', () => this.start());
  }

  async start() {
    if (this.recorder) {
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      this.errors.show(t('voice.microphone'));
      return;
    }
    this.errors.hide();
    const type = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'].find((t) =>
      MediaRecorder.isTypeSupported(t),
    );
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const parts = [];
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) {
        parts.push(event.data);
      }
    });
    recorder.addEventListener('stop', () => {
      stream.getTracks().forEach((track) => track.stop());
      this.bar.remove();
      clearInterval(this.timer);
      this.recorder = null;
      if (this.keep && parts.length) {
        const kind = recorder.mimeType.split(';')[0] || 'audio/webm';
        const extension = kind.includes('mp4') ? 'm4a' : kind.split('/')[1];
        const stamp = new Date().toISOString().slice(0, 16).replace(':', '-');
        this.send(new File(parts, `${t('voice.file-name', stamp)}.${extension}`, { type: kind }));
      }
    });
    this.recorder = recorder;
    this.keep = false;
    this.started = Date.now();
    this.bar = this.drawBar();
    this.timer = setInterval(() => this.tick(), 250);
    recorder.start(1000);
  }

  drawBar() {
    const bar = document.createElement('div');
    bar.className = 'voice-bar';
    bar.setAttribute('role', 'status');
    const dot = document.createElement('span');
    dot.className = 'voice-dot';
    dot.setAttribute('aria-hidden', 'true');
    this.clock = document.createElement('span');
    this.clock.className = 'voice-time';
    this.clock.textContent = t('voice.recording', '0:00');
    const send = button(t('voice.send'), 'voice-send', () => this.stop(true));
    const cancel = button(t('voice.cancel'), 'voice-cancel', () => this.stop(false));
    bar.append(dot, this.clock, send, cancel);
    this.composer.before(bar);
    send.focus();
    return bar;
  }

  tick() {
    const seconds = Math.floor((Date.now() - this.started) / 1000);
    this.clock.textContent = t('voice.recording', `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
    if (seconds >= LIMIT_SECONDS) {
      this.stop(true);
    }
  }

  stop(keep) {
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.keep = keep;
      this.recorder.stop();
    }
  }
}

function button(label, className, run) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `voice-button ${className}`;
  element.textContent = label;
  element.addEventListener('click', run);
  return element;
}
