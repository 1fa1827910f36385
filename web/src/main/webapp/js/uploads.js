// Sending files: the attach and camera buttons, a file dropped on the chat or an image pasted into the
// composer. Each file goes up as the plain body of one request, so the browser reports its progress;
// a bar per upload shows it, with a cancel button, and a refusal says why in the bubble. The text in
// the composer, if any, goes with the file as its caption.
import { CONTEXT } from './connection.js';
import { formatSize } from './files.js';
import { linkButton } from './timeline-view.js';

export class Uploads {
  /** stored(message) takes the entry the server made of a file, before the live stream brings it. */
  constructor({ conversation, list, input, stored, errors }) {
    this.conversation = conversation;
    this.list = list;
    this.input = input;
    this.stored = stored;
    this.errors = errors;
    this.queue = Promise.resolve(); // files go one after another, in the order chosen
  }

  attach() {
    const picker = document.getElementById('composer-file');
    const camera = document.getElementById('composer-camera');
    document.getElementById('composer-attach')?.addEventListener('click', () => picker.click());
    document.getElementById('composer-photo')?.addEventListener('click', () => camera.click());
    for (const input of [picker, camera]) {
      input?.addEventListener('change', () => {
        this.sendAll([...input.files]);
        input.value = '';
      });
    }
    const area = this.list.closest('.chat') || this.list;
    area.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        area.classList.add('dropping');
      }
    });
    area.addEventListener('dragleave', () => area.classList.remove('dropping'));
    area.addEventListener('drop', (event) => {
      area.classList.remove('dropping');
      if (event.dataTransfer?.files.length) {
        event.preventDefault();
        this.sendAll([...event.dataTransfer.files]);
      }
    });
    this.input.addEventListener('paste', (event) => {
      const files = [...(event.clipboardData?.files || [])];
      if (files.length) {
        event.preventDefault();
        this.sendAll(files);
      }
    });
  }

  /** Sends files one after another, after those already waiting; the composer's text captions the first. */
  sendAll(files) {
    const caption = this.input.value.trim();
    if (files.length && caption) {
      this.input.value = '';
      this.input.dispatchEvent(new Event('input'));
    }
    files.forEach((file, index) => {
      const upload = new Upload(file, index === 0 ? caption : '', this);
      this.queue = this.queue.then(() => upload.run());
    });
    const kind = document.getElementById('composer-file-kind');
    if (kind) {
      kind.value = ''; // a kind chosen is for the files sent with it, not every file after
    }
  }
}

/** One file on its way: its bar in the timeline, and the request carrying it. */
class Upload {
  constructor(file, caption, uploads) {
    this.file = file;
    this.caption = caption;
    this.uploads = uploads;
    this.clientId = crypto.randomUUID();
    this.kind = document.getElementById('composer-file-kind')?.value || ''; // '' the server decides
    this.cancelled = false;
    this.element = this.draw();
  }

  draw() {
    const element = document.createElement('article');
    element.className = 'msg mine outbox upload';
    element.dataset.clientId = this.clientId;
    const name = document.createElement('p');
    name.className = 'msg-body';
    name.textContent = `${this.file.name || 'Pasted picture'} · ${formatSize(this.file.size)}`;
    this.bar = document.createElement('progress');
    this.bar.className = 'upload-progress';
    this.bar.max = 1;
    this.bar.value = 0;
    this.bar.setAttribute('aria-label', 'Sending the file');
    this.state = document.createElement('span');
    this.state.className = 'msg-state';
    this.state.textContent = 'Waiting to send…';
    this.state.append(' · ', linkButton('Cancel', () => this.cancel()));
    element.append(name, this.bar, this.state);
    this.uploads.list.append(element);
    const empty = document.getElementById('chat-empty');
    if (empty) {
      empty.hidden = true;
    }
    this.uploads.list.scrollTop = this.uploads.list.scrollHeight;
    return element;
  }

  run() {
    if (this.cancelled) {
      return Promise.resolve();
    }
    const maxMb = Number(document.getElementById('chat')?.dataset.fileMaxMb) || 0;
    if (maxMb && this.file.size > maxMb * 1024 * 1024) {
      this.failed(`The file is larger than ${maxMb} MB; nothing was sent.`);
      return Promise.resolve();
    }
    if (this.file.size === 0) {
      this.failed('The file is empty; nothing was sent.');
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      this.request = request;
      request.open('POST', `${CONTEXT}/api/files?conversation=${this.uploads.conversation}`);
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.setRequestHeader('File-Client-Id', this.clientId);
      request.setRequestHeader('File-Name', encodeURIComponent(this.file.name || 'picture.png'));
      if (this.caption) {
        request.setRequestHeader('File-Caption', encodeURIComponent(this.caption));
      }
      if (this.kind) {
        request.setRequestHeader('File-Kind', this.kind);
      }
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) {
          this.bar.value = event.loaded / event.total;
          this.state.firstChild.textContent = `Sending… ${Math.round((100 * event.loaded) / event.total)} %`;
        }
      });
      request.addEventListener('load', () => {
        this.finished(request);
        resolve();
      });
      request.addEventListener('error', () => {
        this.failed('The network failed; nothing was sent.');
        resolve();
      });
      request.addEventListener('abort', () => resolve());
      this.state.firstChild.textContent = 'Sending…';
      request.send(this.file);
    });
  }

  finished(request) {
    let answer = {};
    try {
      answer = JSON.parse(request.responseText);
    } catch {
      // not JSON: a proxy's or the server's own page; the status says enough
    }
    if (request.status === 200 && answer.message) {
      this.element.remove();
      this.uploads.stored(answer.message);
    } else if (request.status === 429) {
      const seconds = Number(request.getResponseHeader('Retry-After')) || 5;
      this.state.firstChild.textContent = 'Waiting for the other files…';
      setTimeout(() => {
        this.uploads.queue = this.uploads.queue.then(() => this.run());
      }, seconds * 1000);
    } else {
      this.failed(answer.message || 'The file could not be sent.');
    }
  }

  failed(reason) {
    this.element.classList.add('failed');
    this.bar.remove();
    this.state.textContent = `Not sent: ${reason}`;
    this.state.append(' · ', linkButton('Dismiss', () => this.element.remove()));
  }

  cancel() {
    this.cancelled = true;
    this.request?.abort();
    this.element.remove();
  }
}
