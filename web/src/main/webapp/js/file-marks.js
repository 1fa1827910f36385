// A file as a clinical document: what kind it is (certificate, lab result…) and whether a specialist
// verified it, who and when. Who may change what is decided by the server; these rules only choose
// which controls to offer. A change goes to the server and comes back, like an edit, as an entry of
// the conversation, so every member (this page too) sees it through the stream.
import { language, t } from './words.js';

/** The kinds a file may be, in the order offered; each is worded by the key js.file-kind.<name>. */
export const KINDS = ['CERTIFICATE', 'LAB_RESULT', 'PRESCRIPTION', 'REFERRAL', 'IMAGE', 'AUDIO', 'OTHER'];

/** A kind in the page's language; one this page does not know is "Other". */
export function kindLabel(kind) {
  return t(`file-kind.${KINDS.includes(kind) ? kind : 'OTHER'}`);
}

/**
 * Who verified a file and when ("Verified by Dr X, 29 Nov 14:02"), in this browser's time zone and
 * the page's language; '' while it is not verified.
 */
export function verificationText(file) {
  if (!file.verifiedAt) {
    return '';
  }
  const at = new Date(file.verifiedAt);
  const day = at.toLocaleDateString(dateLanguage(), { day: 'numeric', month: 'short' });
  const time = at.toLocaleTimeString(dateLanguage(), { hour: '2-digit', minute: '2-digit' });
  return t('file-marks.verified', file.verifiedBy, day, time);
}

/** English pages write dates the British way (29 Nov), as they always have; others their own. */
function dateLanguage() {
  const page = language();
  return page === 'en' ? 'en-GB' : page;
}

/**
 * What this person may do with a file. person: { id (account), staff, admin }; mine: whether they
 * sent it. The server checks the same rules again.
 */
export function allowed(file, person, mine) {
  return {
    changeKind: mine || person.staff,
    verify: person.staff && !file.verifiedAt,
    revoke: Boolean(file.verifiedAt) && (file.verifiedById === person.id || person.admin),
  };
}

/** The person using this page, from the page's data attributes. */
export function person() {
  const data = document.body.dataset;
  return { id: Number(data.me), staff: data.staff === 'true', admin: data.admin === 'true' };
}

/** The kind and verification line of a file, with the controls this person may use. */
export function marksView(file, mine) {
  const box = document.createElement('div');
  box.className = 'msg-file-marks';
  box.dataset.fileId = String(file.id);
  const may = allowed(file, person(), mine);
  if (may.changeKind) {
    const select = document.createElement('select');
    select.className = 'file-kind-select';
    select.setAttribute('aria-label', t('file-marks.kind'));
    for (const name of KINDS) {
      select.append(new Option(kindLabel(name), name, false, name === file.kind));
    }
    box.append(select);
  } else {
    const kind = document.createElement('span');
    kind.className = 'file-kind';
    kind.textContent = kindLabel(file.kind);
    box.append(kind);
  }
  const verified = document.createElement('span');
  verified.className = 'file-verified';
  verified.textContent = verificationText(file);
  verified.hidden = !file.verifiedAt;
  box.append(verified);
  if (may.verify) {
    box.append(action('file-verify', t('file-marks.verify')));
  }
  if (may.revoke) {
    box.append(action('file-revoke', t('file-marks.revoke')));
  }
  return box;
}

function action(className, label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `link-button ${className}`;
  button.textContent = label;
  return button;
}

/**
 * Sends the changes asked for in the list's file controls; stored(entry) takes the server's answer at
 * once (the stream brings it too), errors(text) shows a refusal.
 */
export function attachMarks(list, { stored, errors }) {
  list.addEventListener('change', (event) => {
    const select = event.target.closest('.file-kind-select');
    if (select) {
      const before = [...select.options].find((option) => option.defaultSelected)?.value;
      send(select, 'kind', { kind: select.value }, stored, (text) => {
        select.value = before; // the kind stays what the server has
        errors(text);
      });
    }
  });
  list.addEventListener('click', (event) => {
    const button = event.target.closest('.file-verify, .file-revoke');
    if (button) {
      const path = button.classList.contains('file-verify') ? 'verification' : 'verification/revoke';
      button.disabled = true;
      send(button, path, {}, stored, errors);
    }
  });
}

async function send(control, path, body, stored, errors) {
  const id = control.closest('.msg-file-marks').dataset.fileId;
  try {
    const response = await fetch(`${document.body.dataset.context}/api/files/${id}/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ clientId: crypto.randomUUID(), ...body }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok && answer.message) {
      stored(answer.message);
    } else {
      errors(answer.message || t('file-marks.failed'));
      control.disabled = false;
    }
  } catch {
    errors(t('file-marks.offline'));
    control.disabled = false;
  }
}
