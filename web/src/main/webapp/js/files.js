// How a file sent in a conversation shows in its bubble: a photo's thumbnail (opening the viewer), a
// PDF's first page, an audio player, and always the name and size as a download link. Everything is
// fetched from the server by the file's id, which checks who may see it; the name is only ever text.
// Previews and pictures once fetched are kept in the browser's store (store.js) and open from there
// the next time, also offline; the download link always asks the server.
import { CONTEXT } from './connection.js';
import { marksView } from './file-marks.js';
import { language, t } from './words.js';

let seenFiles = null;

/** Keeps the previews and pictures this person sees in store, the account's Store. */
export function keepSeenFiles(store) {
  seenFiles = store;
}

/**
 * Shows what url gives in the image: from the store when it was seen before, else fetched once and
 * kept. Without a store, or when the store fails, the image loads it itself.
 */
async function showFrom(image, url) {
  if (!seenFiles) {
    image.src = url;
    return;
  }
  let blob;
  try {
    blob = await seenFiles.cachedFile(url);
    if (!blob) {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) {
        image.dispatchEvent(new Event('error')); // no preview for this file
        return;
      }
      blob = await response.blob();
      seenFiles.cacheFile(url, blob).catch(() => undefined); // full or refused: shown all the same
    }
  } catch {
    image.src = url;
    return;
  }
  const local = URL.createObjectURL(blob);
  image.addEventListener('load', () => URL.revokeObjectURL(local), { once: true });
  image.src = local;
}

export function fileUrl(id) {
  return `${CONTEXT}/api/files/${id}`;
}

/** The element showing one file; null for a message without one. mine: this person sent it. */
export function fileView(file, mine = false) {
  if (!file) {
    return null;
  }
  const box = document.createElement('div');
  box.className = 'msg-file';
  const url = fileUrl(file.id);
  if (file.type.startsWith('image/') || file.type === 'application/pdf') {
    const preview = document.createElement('img');
    preview.className = 'msg-file-preview';
    whenNear(preview, () => showFrom(preview, `${url}/preview`));
    preview.alt = file.type === 'application/pdf' ? t('files.first-page', file.name) : file.name;
    preview.addEventListener('error', () => preview.remove()); // a file without a preview
    preview.addEventListener('load', () => {
      // The newest message grew when its picture came: keep the end of the conversation in view.
      const list = preview.closest('.chat-messages');
      if (list && !preview.closest('.msg')?.nextElementSibling) {
        list.scrollTop = list.scrollHeight;
      }
    });
    if (file.type.startsWith('image/')) {
      preview.tabIndex = 0;
      preview.title = t('files.open-picture');
      preview.addEventListener('click', () => openViewer(file));
      preview.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          openViewer(file);
        }
      });
    }
    box.append(preview);
  } else if (file.type.startsWith('audio/')) {
    const player = document.createElement('audio');
    player.className = 'msg-file-audio';
    player.controls = true;
    player.preload = 'none';
    player.src = `${url}?view=true`;
    box.append(player);
  }
  const link = document.createElement('a');
  link.className = 'msg-file-link';
  link.href = url;
  link.download = '';
  const icon = document.createElement('span');
  icon.className = `pi ${file.type === 'application/pdf' ? 'pi-file-pdf' : 'pi-download'}`;
  icon.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'msg-file-name';
  name.textContent = file.name;
  const size = document.createElement('span');
  size.className = 'msg-file-size';
  size.textContent = formatSize(file.size);
  link.append(icon, name, size);
  box.append(link, marksView(file, mine));
  return box;
}

/** Shows a file's kind and verification as a change left them, leaving the player and preview be. */
export function refreshMarks(box, file, mine) {
  box.querySelector('.msg-file-marks')?.replaceWith(marksView(file, mine));
}

/** Runs show once the element comes near the screen, as loading="lazy" would for a src. */
function whenNear(element, show) {
  if (!('IntersectionObserver' in globalThis)) {
    show();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        show();
      }
    },
    { rootMargin: '400px' },
  );
  observer.observe(element);
}

/** A file's size as the page's language writes numbers: "512 B", "14 KB", "2.5 MB". */
export function formatSize(bytes) {
  if (bytes < 1024) {
    return t('files.size.bytes', bytes.toLocaleString(language()));
  }
  if (bytes < 1024 * 1024) {
    return t('files.size.kb', Math.round(bytes / 1024).toLocaleString(language()));
  }
  const megabytes = bytes / (1024 * 1024);
  return t(
    'files.size.mb',
    megabytes.toLocaleString(language(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
}

/** The picture at full size in a modal dialog; Escape or the button closes it. */
function openViewer(file) {
  let viewer = document.getElementById('file-viewer');
  if (!viewer) {
    viewer = document.createElement('dialog');
    viewer.id = 'file-viewer';
    viewer.className = 'file-viewer';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'file-viewer-close';
    close.textContent = t('files.close');
    close.addEventListener('click', () => viewer.close());
    const picture = document.createElement('img');
    const download = document.createElement('a');
    download.className = 'file-viewer-download';
    download.textContent = t('files.download');
    download.download = '';
    viewer.append(close, picture, download);
    viewer.addEventListener('click', (event) => {
      if (event.target === viewer) {
        viewer.close();
      }
    });
    document.body.append(viewer);
  }
  const picture = viewer.querySelector('img');
  picture.removeAttribute('src'); // not the last picture while this one comes
  showFrom(picture, `${fileUrl(file.id)}?view=true`);
  picture.alt = file.name;
  viewer.querySelector('.file-viewer-download').href = fileUrl(file.id);
  viewer.showModal();
}
