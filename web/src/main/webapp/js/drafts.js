// Page forms (Ask, Join, Close, Transfer, …) never lose what was typed: every change is kept in
// this browser as a draft of its form until the form is sent, so a lost network, a reload or a closed
// tab costs nothing. While offline a form is not posted (the browser would only show its "no
// internet" page): it says that it will work when the network is back. A form marked
// data-offline-queue (Ask) is then sent by itself, once, like a chat message in the outbox.
// Drafts are health data: their keys start with 'consultchat-', which logout wipes with the rest
// (store.js); the mark of a sent form in sessionStorage holds only the draft's name.

const FIELDS =
  'textarea, select, input:not([type]), input[type=text], input[type=search], input[type=email], input[type=number]';
const SENT_KEY = 'consultchat-sent-draft';

/** The start of every draft key of one account: what logout and account switches keep or wipe. */
export function draftPrefix(accountId) {
  return `consultchat-draft-${accountId}-`;
}

export function draftKey(accountId, page, formId) {
  return `${draftPrefix(accountId)}${page}#${formId}`;
}

/** The values typed into a form, by field name; null when there is nothing worth keeping. */
export function readFields(fields) {
  const values = {};
  let typed = false;
  fields.forEach((field) => {
    if (!field.name || field.disabled) {
      return;
    }
    values[field.name] = field.value;
    typed = typed || (field.tagName !== 'SELECT' && field.value.trim() !== '');
  });
  return typed ? values : null;
}

/** Puts kept values back into the fields that are still empty; returns whether any was restored. */
export function restoreFields(fields, values) {
  let restored = false;
  fields.forEach((field) => {
    const value = values[field.name];
    if (value === undefined || field.value === value) {
      return;
    }
    if (field.tagName === 'SELECT') {
      if ([...field.options].some((option) => option.value === value)) {
        field.value = value;
      }
      return;
    }
    if (field.value === '') {
      field.value = value;
      restored = true;
    }
  });
  return restored;
}

export function keepFormDrafts(me, { storage = localStorage, session = sessionStorage } = {}) {
  const page = location.pathname + location.search;
  forgetSentDraft(storage, session);
  document.querySelectorAll('form[method=post]').forEach((form) => {
    if (form.id && form.id !== 'session' && form.querySelector(FIELDS)) {
      keep(form, draftKey(me, page, form.id), storage, session);
    }
  });
}

/** The page after a post that left: its form arrived, so its draft has done its job. */
function forgetSentDraft(storage, session) {
  const sent = session.getItem(SENT_KEY);
  const navigation = performance.getEntriesByType('navigation')[0];
  if (sent && !(navigation && navigation.type === 'back_forward')) {
    storage.removeItem(sent);
    session.removeItem(SENT_KEY);
  }
}

function keep(form, key, storage, session) {
  const fields = () => [...form.querySelectorAll(FIELDS)].filter((f) => f.type !== 'password');
  const load = () => {
    try {
      return JSON.parse(storage.getItem(key)) || null;
    } catch {
      return null;
    }
  };
  const save = (queued = null) => {
    const values = readFields(fields());
    if (values) {
      storage.setItem(key, JSON.stringify({ values, queued }));
    } else {
      storage.removeItem(key);
    }
  };

  const kept = load();
  if (kept && restoreFields(fields(), kept.values)) {
    say(form, 'What you typed before is still here.');
  }
  form.addEventListener('input', () => save(load()?.queued ?? null));
  form.addEventListener('change', () => save(load()?.queued ?? null));

  form.addEventListener('submit', (event) => {
    if (navigator.onLine) {
      session.setItem(SENT_KEY, key);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    const queue = form.dataset.offlineQueue === 'true';
    save(queue ? event.submitter?.id || '' : null);
    say(
      form,
      queue
        ? 'You are offline. Your request is kept here and will be sent by itself when the network is back.'
        : 'You are offline. What you typed is kept here: send it again when the network is back.',
    );
  });

  if (form.dataset.offlineQueue === 'true') {
    const sendQueued = () => {
      const draft = load();
      if (!navigator.onLine || !draft || draft.queued === null || draft.queued === undefined) {
        return;
      }
      // Taken off the queue before it goes, so that a second tab or a second event sends nothing.
      storage.setItem(key, JSON.stringify({ values: draft.values, queued: null }));
      restoreFields(fields(), draft.values);
      session.setItem(SENT_KEY, key);
      const button = draft.queued && document.getElementById(draft.queued);
      form.requestSubmit(button && form.contains(button) ? button : undefined);
    };
    window.addEventListener('online', sendQueued);
    if (kept && kept.queued !== null && kept.queued !== undefined) {
      say(form, 'Your request is kept here and will be sent by itself when the network is back.');
      sendQueued();
    }
  }
}

function say(form, text) {
  let notice = form.querySelector(':scope > .draft-notice');
  if (!notice) {
    notice = document.createElement('p');
    notice.className = 'draft-notice';
    notice.setAttribute('role', 'status');
    form.prepend(notice);
  }
  notice.textContent = text;
}
