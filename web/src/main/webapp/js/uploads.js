// Sending files: the attach and camera buttons, a file dropped on the chat or an image pasted into the
// composer, and voice notes. Each file goes into the outbox (outbox.js) with the messages, so it waits
// there while the network is away, survives a reload and keeps its place among the texts; the text in
// the composer, if any, goes with the first file as its caption. The FileUploader carries one file as
// the plain body of one request, so the browser reports its progress.
import { CONTEXT } from './connection.js';
import { formatSize } from './files.js';
import { linkButton } from './timeline-view.js';
import { t } from './words.js';

export class Uploads {
  /** outbox: the Outbox, which keeps and sends the files; list: the timeline, for a refusal's note. */
  constructor({ conversation, outbox, list, input }) {
    this.conversation = conversation;
    this.outbox = outbox;
    this.list = list;
    this.input = input;
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

  /** Puts files into the outbox in the order given; the composer's text captions the first. */
  async sendAll(files) {
    const caption = this.input.value.trim();
    if (files.length && caption) {
      this.input.value = '';
      this.input.dispatchEvent(new Event('input'));
    }
    // A kind chosen in the composer is for the files sent with it, not for every file after.
    const kindSelect = document.getElementById('composer-file-kind');
    const kind = kindSelect?.value || ''; // '' lets the server decide from the detected type
    if (kindSelect) {
      kindSelect.value = '';
    }
    let first = true;
    for (const file of files) {
      const name = file.name || t('uploads.pasted-name');
      const refusal = refusalOf(file);
      if (refusal) {
        this.refused(name, file.size, refusal);
        continue;
      }
      await this.outbox.addFile(this.conversation, file, name, first ? caption : '', kind);
      first = false;
    }
  }

  /** What no server would take is refused here at once: a note in the timeline says why. */
  refused(name, size, reason) {
    const element = document.createElement('article');
    element.className = 'msg mine upload failed';
    const label = document.createElement('p');
    label.className = 'msg-body';
    label.textContent = `${name} · ${formatSize(size)}`;
    const state = document.createElement('span');
    state.className = 'msg-state';
    state.textContent = t('uploads.not-sent', reason);
    state.append(' · ', linkButton(t('uploads.dismiss'), () => element.remove()));
    element.append(label, state);
    this.list.append(element);
    this.list.scrollTop = this.list.scrollHeight;
  }
}

function refusalOf(file) {
  const maxMb = Number(document.getElementById('chat')?.dataset.fileMaxMb) || 0;
  if (maxMb && file.size > maxMb * 1024 * 1024) {
    return t('uploads.too-large', maxMb);
  }
  return file.size === 0 ? t('uploads.empty') : null;
}

/**
 * Carries one outbox file to the server, always under the item's client id: a repeat after an answer
 * lost on the way gets the stored original back. The answer says what became of it, for the outbox.
 */
export class FileUploader {
  /** Resolves to { stored } | { refused } | { retryAfter } (null: the backoff's) | { cancelled }. */
  upload(item, progress) {
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      this.request = request;
      request.open('POST', `${CONTEXT}/api/files?conversation=${item.conversation}`);
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.setRequestHeader('File-Client-Id', item.clientId);
      request.setRequestHeader('File-Name', encodeURIComponent(item.fileName));
      if (item.body) {
        request.setRequestHeader('File-Caption', encodeURIComponent(item.body));
      }
      if (item.fileKind) {
        request.setRequestHeader('File-Kind', item.fileKind);
      }
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) {
          progress(event.loaded / event.total);
        }
      });
      request.addEventListener('load', () => resolve(answerOf(request)));
      request.addEventListener('error', () => resolve({ retryAfter: null }));
      request.addEventListener('timeout', () => resolve({ retryAfter: null }));
      request.addEventListener('abort', () => resolve({ cancelled: true }));
      progress(0);
      request.send(item.file);
    });
  }

  abort() {
    this.request?.abort();
  }
}

/**
 * A refusal is a 4xx with the server's reason (type, size, quota, no longer a member); 429 asks for a
 * pause. Anything else — a 5xx, a proxy's page, a login page after a lost session — is not the
 * server's word on this file, so it goes again later.
 */
export function answerOf(request) {
  const { status, responseText } = request;
  let answer = {};
  try {
    answer = JSON.parse(responseText);
  } catch {
    // not JSON: a proxy's or the server's own page
  }
  if (status === 200 && answer.message) {
    return { stored: answer.message };
  }
  if (status === 429 || status === 408 || status === 503) {
    const seconds = Number(request.getResponseHeader('Retry-After'));
    return { retryAfter: Number.isFinite(seconds) && seconds > 0 ? seconds : null };
  }
  if (status >= 400 && status < 500 && answer.message) {
    return { refused: answer.message };
  }
  if (status === 413) {
    return { refused: t('uploads.too-large-for-server') };
  }
  return { retryAfter: null };
}
