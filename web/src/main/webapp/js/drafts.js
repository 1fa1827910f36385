// Page forms (Ask, Join, Close, Transfer, …) never lose what was typed: every change is kept in
// this browser as a draft of its form until the form is sent, so a lost network, a reload or a closed
// tab costs nothing. While offline a form is not posted (the browser would only show its "no
// internet" page): it says that it will work when the network is back. A form marked
// data-offline-queue (Ask) is then sent by itself, once, like a chat message in the outbox.
// Drafts are health data: their keys start with 'consultchat-', which logout wipes with the rest
// (store.js); the mark of a sent form in sessionStorage holds only the draft's name.

import { t } from './words.js';

const FIELDS =
  'textarea, select, input:not([type]), input[type=text], input[type=search], input[type=email], input[type=number]';
const SENT_KEY = 'consultchat-sent-draft';
// How soon a queued form is tried again when the network is said to be back but the server did not answer.
const RETRY_SEND_MS = 2000;

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

export function keepFormDrafts(
  me,
  { storage = localStorage, session = sessionStorage, reachable = () => Promise.resolve(true) } = {},
) {
  const page = location.pathname + location.search;
  forgetSentDraft(storage, session);
  const drafts = new Drafts(storage, (form) => draftKey(me, page, form.id));
  // Listened to on the document: PrimeFaces replaces forms it updates, listeners on them would go.
  document.addEventListener('input', (event) => drafts.typed(event.target.form));
  document.addEventListener('change', (event) => drafts.typed(event.target.form));
  document.addEventListener('submit', (event) => drafts.submitting(event, session), true);
  if (window.jQuery) {
    // PrimeFaces posts some forms without a page load: sent, their draft goes once the answer leads
    // to another page; answered on the same page, it stays until the fields are empty again.
    window.jQuery(document).on('pfAjaxSend', (event, xhr, settings) => drafts.posting(settings, session));
    window.jQuery(document).on('pfAjaxComplete', (event, xhr) => {
      if (!/<redirect /.test(xhr?.responseText || '')) {
        session.removeItem(SENT_KEY);
      }
      drafts.followUpdates();
    });
  }
  document.querySelectorAll('form[method=post]').forEach((form) => {
    if (!drafts.kept(form)) {
      return;
    }
    const draft = drafts.load(form);
    if (draft && restoreFields(fields(form), draft.values)) {
      say(form, t('drafts.restored'));
    }
    if (form.dataset.offlineQueue === 'true') {
      const send = () => drafts.sendQueued(form, session, reachable);
      window.addEventListener('online', send);
      if (draft && draft.queued != null) {
        say(form, t('drafts.queued'));
        send();
      }
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

function fields(form) {
  return [...form.querySelectorAll(FIELDS)].filter((field) => field.type !== 'password');
}

class Drafts {
  constructor(storage, keyOf) {
    this.storage = storage;
    this.keyOf = keyOf;
  }

  /** Page forms that post and have something to type into; not the logout. */
  kept(form) {
    return (
      form instanceof HTMLFormElement &&
      form.method === 'post' &&
      form.id !== '' &&
      form.id !== 'session' &&
      form.querySelector(FIELDS) !== null
    );
  }

  load(form) {
    try {
      return JSON.parse(this.storage.getItem(this.keyOf(form))) || null;
    } catch {
      return null;
    }
  }

  save(form, queued) {
    const values = readFields(fields(form));
    if (values) {
      this.storage.setItem(this.keyOf(form), JSON.stringify({ values, queued }));
    } else {
      this.storage.removeItem(this.keyOf(form));
    }
  }

  typed(form) {
    if (form && this.kept(form)) {
      this.save(form, this.load(form)?.queued ?? null);
    }
  }

  /** Only drafts whose fields were emptied go: values the server filled in are not typed work. */
  followUpdates() {
    document.querySelectorAll('form[method=post]').forEach((form) => {
      if (this.kept(form) && this.load(form) && readFields(fields(form)) === null) {
        this.storage.removeItem(this.keyOf(form));
      }
    });
  }

  posting(settings, session) {
    const params = new URLSearchParams(typeof settings?.data === 'string' ? settings.data : '');
    const source = params.get('jakarta.faces.source');
    const form = source && document.getElementById(source)?.closest('form');
    if (form && this.kept(form)) {
      this.typed(form);
      session.setItem(SENT_KEY, this.keyOf(form));
    }
  }

  submitting(event, session) {
    const form = event.target;
    if (!this.kept(form)) {
      return;
    }
    if (navigator.onLine) {
      session.setItem(SENT_KEY, this.keyOf(form));
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    const queue = form.dataset.offlineQueue === 'true';
    this.save(form, queue ? event.submitter?.id || '' : null);
    say(
      form,
      queue
        ? t('drafts.offline.queued')
        : t('drafts.offline.kept'),
    );
  }

  /**
   * Sends a queued form once the server answers: the browser's online event can come a moment before
   * its network does, and a post into no network would leave the person on the browser's error page
   * with the draft already off the queue. Until the server answers, it stays queued and is tried again.
   */
  async sendQueued(form, session, reachable) {
    if (!navigator.onLine || this.load(form)?.queued == null || this.checking) {
      return;
    }
    this.checking = true;
    let answered = false;
    try {
      answered = await reachable();
    } catch {
      answered = false;
    } finally {
      this.checking = false;
    }
    if (!answered) {
      setTimeout(() => this.sendQueued(form, session, reachable), RETRY_SEND_MS);
      return;
    }
    const draft = this.load(form);
    if (!navigator.onLine || !draft || draft.queued == null) {
      return;
    }
    // Taken off the queue before it goes, so that a second tab or a second event sends nothing.
    this.storage.setItem(this.keyOf(form), JSON.stringify({ values: draft.values, queued: null }));
    restoreFields(fields(form), draft.values);
    session.setItem(SENT_KEY, this.keyOf(form));
    const button = draft.queued && document.getElementById(draft.queued);
    form.requestSubmit(button && form.contains(button) ? button : undefined);
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
