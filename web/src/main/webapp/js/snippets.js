// Staff's snippets in the composer. They are fetched once when the chat opens (only the
// caller's own, from /api/snippets), so neither the menu nor the slash shortcut costs a request per
// keystroke. Two ways in: the Snippets button opens a searchable menu; typing /shortcut at the start
// of a word offers matching snippets, and Tab (or Enter while they are offered) puts the text in its
// place. Everything is set as text, never as HTML.
import { CONTEXT } from './connection.js';
import { insertAtCursor } from './emoji.js';
import { t } from './words.js';

const TOKEN = /(^|\s)\/([a-z0-9_-]*)$/i;
const MAX_SUGGESTIONS = 6;

export function attachSnippets(input, button) {
  if (!input || !button) {
    return;
  }
  let snippets = [];
  let problem = '';
  const loaded = load().then((answer) => {
    ({ snippets, problem } = answer);
  });

  const menu = popup('snippet-menu', t('snippets.menu'));
  const search = document.createElement('input');
  search.type = 'search';
  search.className = 'snippet-search';
  search.id = 'snippet-search';
  search.placeholder = t('snippets.search');
  search.autocomplete = 'off';
  search.setAttribute('aria-label', t('snippets.search'));
  const menuList = new OptionList('snippet-menu-option', search);
  const manage = document.createElement('a');
  manage.className = 'snippet-manage';
  manage.href = `${CONTEXT}/staff/snippets.xhtml`;
  manage.textContent = t('snippets.manage');
  menu.append(search, menuList.element, manage);
  button.after(menu);
  let selection = [0, 0];

  const suggest = popup('snippet-suggest', t('snippets.matching'));
  const suggestList = new OptionList('snippet-suggest-option', input);
  suggest.append(suggestList.element);
  menu.after(suggest);
  let token = null; // { from, to, word } of the /word before the cursor
  let dismissed = null; // the token Escape closed the suggestions for

  button.addEventListener('click', async () => {
    if (!menu.hidden) {
      closeMenu(true);
      return;
    }
    selection = [input.selectionStart, input.selectionEnd];
    closeSuggestions();
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    search.setAttribute('aria-expanded', 'true');
    search.value = '';
    await loaded;
    filterMenu();
    search.focus();
  });
  search.addEventListener('input', filterMenu);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeMenu(true);
    } else if (event.key === 'Enter') {
      // Also keeps the composer form from being submitted by the search field.
      event.preventDefault();
      choose(menuList.active(), selection);
    } else {
      menuList.move(event);
    }
  });
  menuList.onChoose = (snippet) => choose(snippet, selection);
  document.addEventListener('pointerdown', (event) => {
    if (!menu.hidden && !menu.contains(event.target) && !button.contains(event.target)) {
      closeMenu(false);
    }
  });

  input.addEventListener('input', offer);
  input.addEventListener('click', offer);
  input.addEventListener('blur', closeSuggestions);
  suggestList.onChoose = (snippet) => replaceToken(snippet);
  // Captured on the form, before the composer's own Enter-sends handler on the field sees the key.
  input.form.addEventListener(
    'keydown',
    (event) => {
      if (event.target !== input || event.isComposing) {
        return;
      }
      if (!suggest.hidden && !currentToken()) {
        closeSuggestions(); // the cursor left the /word without typing, e.g. with the arrow keys
      }
      if (!suggest.hidden) {
        if (event.key === 'Tab' || event.key === 'Enter') {
          stop(event);
          replaceToken(suggestList.active());
        } else if (event.key === 'Escape') {
          stop(event);
          dismissed = token && `${token.from}:${token.word}`;
          closeSuggestions();
        } else if (menuKeys(event.key)) {
          stop(event);
          suggestList.move(event);
        }
      } else if (event.key === 'Tab' && !event.shiftKey) {
        const exact = currentToken() && snippets.find((s) => s.shortcut === token.word.toLowerCase());
        if (exact) {
          stop(event);
          replaceToken(exact);
        }
      }
    },
    true,
  );

  function filterMenu() {
    const query = search.value.trim().toLowerCase();
    const found = snippets.filter((s) =>
      [s.shortcut, s.title, s.body].some((text) => text.toLowerCase().includes(query)),
    );
    const empty = problem || (snippets.length ? t('snippets.none-match') : t('snippets.none'));
    menuList.show(found, empty);
  }

  function offer() {
    if (!currentToken() || dismissed === `${token.from}:${token.word}`) {
      closeSuggestions();
      return;
    }
    dismissed = null;
    const word = token.word.toLowerCase();
    const found = snippets.filter((s) => s.shortcut.startsWith(word)).slice(0, MAX_SUGGESTIONS);
    if (!found.length) {
      closeSuggestions();
      return;
    }
    suggestList.show(found, '');
    suggest.hidden = false;
  }

  /** The /word that ends at the cursor, if nothing is selected and it starts a word. */
  function currentToken() {
    token = null;
    if (input.selectionStart !== input.selectionEnd) {
      return null;
    }
    const match = TOKEN.exec(input.value.slice(0, input.selectionStart));
    if (match) {
      token = { from: match.index + match[1].length, to: input.selectionStart, word: match[2] };
    }
    return token;
  }

  function replaceToken(snippet) {
    if (snippet && token) {
      closeSuggestions();
      insertAtCursor(input, snippet.body, token.from, token.to);
    }
  }

  function choose(snippet, [from, to]) {
    if (snippet) {
      closeMenu(false);
      insertAtCursor(input, snippet.body, from, to);
    }
  }

  function closeMenu(returnFocus) {
    if (menu.hidden) {
      return;
    }
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    search.setAttribute('aria-expanded', 'false');
    if (returnFocus) {
      button.focus();
    }
  }

  function closeSuggestions() {
    suggest.hidden = true;
    input.removeAttribute('aria-activedescendant');
  }
}

async function load() {
  try {
    const response = await fetch(`${CONTEXT}/api/snippets`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    // A redirect means the login page answered instead: the session has ended.
    if (!response.ok || response.redirected) {
      return { snippets: [], problem: t('snippets.failed') };
    }
    return { snippets: await response.json(), problem: '' };
  } catch (offline) {
    return { snippets: [], problem: t('snippets.offline') };
  }
}

function popup(className, label) {
  const element = document.createElement('div');
  element.className = `snippet-popup ${className}`;
  element.id = className;
  element.hidden = true;
  element.setAttribute('role', 'dialog');
  element.setAttribute('aria-label', label);
  return element;
}

function menuKeys(key) {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';
}

function stop(event) {
  event.preventDefault();
  event.stopPropagation();
}

/** A listbox whose active option follows the arrow keys while focus stays in the owning field. */
class OptionList {
  constructor(idPrefix, owner) {
    this.idPrefix = idPrefix;
    this.owner = owner;
    this.items = [];
    this.index = 0;
    this.onChoose = () => {};
    this.element = document.createElement('ul');
    this.element.className = 'snippet-options';
    this.element.id = `${idPrefix}s`;
    this.element.setAttribute('role', 'listbox');
    // A text field that drives the list is a combobox; the composer's textarea stays a textbox.
    if (owner.tagName === 'INPUT') {
      owner.setAttribute('role', 'combobox');
      owner.setAttribute('aria-expanded', 'false');
    }
    owner.setAttribute('aria-controls', this.element.id);
    owner.setAttribute('aria-autocomplete', 'list');
    // Keeps the focus (and the cursor) in the field while an option is clicked.
    this.element.addEventListener('pointerdown', (event) => event.preventDefault());
    this.element.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) {
        this.onChoose(this.items[Number(option.dataset.index)]);
      }
    });
  }

  show(items, emptyText) {
    this.items = items;
    this.index = 0;
    this.element.replaceChildren(
      ...items.map((snippet, i) => this.option(snippet, i)),
      ...(items.length ? [] : [this.empty(emptyText)]),
    );
    this.highlight();
  }

  active() {
    return this.items[this.index];
  }

  move(event) {
    if (!menuKeys(event.key) || !this.items.length) {
      return;
    }
    event.preventDefault();
    const last = this.items.length - 1;
    const next = {
      ArrowDown: this.index === last ? 0 : this.index + 1,
      ArrowUp: this.index === 0 ? last : this.index - 1,
      Home: 0,
      End: last,
    }[event.key];
    this.index = next;
    this.highlight();
  }

  highlight() {
    [...this.element.querySelectorAll('[role="option"]')].forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === this.index));
      if (i === this.index) {
        option.scrollIntoView({ block: 'nearest' });
        this.owner.setAttribute('aria-activedescendant', option.id);
      }
    });
    if (!this.items.length) {
      this.owner.removeAttribute('aria-activedescendant');
    }
  }

  option(snippet, i) {
    const item = document.createElement('li');
    item.id = `${this.idPrefix}-${i}`;
    item.className = 'snippet-option';
    item.dataset.index = String(i);
    item.dataset.shortcut = snippet.shortcut;
    item.setAttribute('role', 'option');
    const title = document.createElement('span');
    title.className = 'snippet-option-title';
    title.textContent = snippet.title;
    const shortcut = document.createElement('code');
    shortcut.className = 'snippet-option-shortcut';
    shortcut.textContent = `/${snippet.shortcut}`;
    const body = document.createElement('span');
    body.className = 'snippet-option-body';
    body.textContent = snippet.body;
    item.append(title, shortcut, body);
    return item;
  }

  empty(text) {
    const item = document.createElement('li');
    item.className = 'snippet-empty';
    item.textContent = text;
    return item;
  }
}
