// The composer's emoji picker: plain Unicode characters in a few groups chosen for a clinic's chat, so
// nothing is downloaded and the recipient's own emoji font draws them. The grid is a set of buttons
// moved through with the arrow keys (one tab stop); a choice is inserted where the cursor was.
import { t } from './words.js';

// The groups of emoji; each group's label and its characters with their names ("🙂 slightly smiling
// face|…") come from the words (words.js), so a screen reader names them in the page's language.
const GROUP_IDS = ['smileys', 'gestures', 'health', 'nature', 'objects', 'symbols'];

let groups = null;

function allGroups() {
  if (groups === null) {
    groups = GROUP_IDS.map((id) => ({
      id,
      label: t(`emoji.${id}`),
      emoji: t(`emoji.${id}.list`)
        .split('|')
        .map((entry) => {
          const space = entry.indexOf(' ');
          return { char: entry.slice(0, space), name: entry.slice(space + 1) };
        }),
    }));
  }
  return groups;
}

/** Inserts text at the cursor of a text field, as typing would, so listeners see an input event. */
export function insertAtCursor(input, text, from = input.selectionStart, to = input.selectionEnd) {
  input.focus();
  input.setRangeText(text, from, to, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Attaches the picker to the composer's emoji button; the popup lives next to the button. */
export function attachEmojiPicker(input, button) {
  if (!input || !button) {
    return;
  }
  const picker = build();
  button.after(picker.element);
  let current = allGroups()[0].id;
  let selection = [0, 0]; // where the cursor was when the picker opened; focus moves into the grid

  button.addEventListener('click', () => (picker.element.hidden ? open() : close(true)));
  document.addEventListener('pointerdown', (event) => {
    if (!picker.element.hidden && !picker.element.contains(event.target) && !button.contains(event.target)) {
      close(false);
    }
  });
  picker.element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.target.classList.contains('emoji-cell')) {
      moveWithin(event);
    } else if (event.target.getAttribute('role') === 'tab') {
      moveBetweenTabs(event);
    }
  });
  picker.tabs.forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.group, false)));
  picker.grids.forEach((grid) =>
    grid.addEventListener('click', (event) => {
      const cell = event.target.closest('.emoji-cell');
      if (cell) {
        close(false);
        insertAtCursor(input, cell.dataset.emoji, ...selection);
      }
    }),
  );

  function open() {
    selection = [input.selectionStart, input.selectionEnd];
    picker.element.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    show(current, true);
  }

  function close(returnFocus) {
    if (picker.element.hidden) {
      return;
    }
    picker.element.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) {
      button.focus();
    }
  }

  function show(groupId, focusCell) {
    current = groupId;
    picker.tabs.forEach((tab) => {
      const selected = tab.dataset.group === groupId;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    });
    picker.grids.forEach((grid) => {
      grid.hidden = grid.dataset.group !== groupId;
    });
    picker.caption.textContent = allGroups().find((group) => group.id === groupId).label;
    const grid = picker.grids.find((g) => g.dataset.group === groupId);
    grid.scrollTop = 0;
    const cells = [...grid.querySelectorAll('.emoji-cell')];
    cells.forEach((cell, i) => {
      cell.tabIndex = i === 0 ? 0 : -1;
    });
    if (focusCell) {
      cells[0].focus();
    }
  }

  function moveBetweenTabs(event) {
    const index = picker.tabs.indexOf(event.target);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) {
      event.preventDefault();
      const next = picker.tabs[(index + step + picker.tabs.length) % picker.tabs.length];
      show(next.dataset.group, false);
      next.focus();
    }
  }

  /** Arrow keys move through the grid by its rendered column count; Home and End jump. */
  function moveWithin(event) {
    const grid = event.target.parentElement;
    const cells = [...grid.querySelectorAll('.emoji-cell')];
    const index = cells.indexOf(event.target);
    const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length || 1;
    const target = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      Home: 0,
      End: cells.length - 1,
    }[event.key];
    if (target === undefined) {
      return;
    }
    event.preventDefault();
    const next = cells[Math.max(0, Math.min(cells.length - 1, target))];
    event.target.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  }
}

function build() {
  const element = document.createElement('div');
  element.className = 'emoji-picker';
  element.id = 'emoji-picker';
  element.hidden = true;
  element.setAttribute('role', 'dialog');
  element.setAttribute('aria-label', t('emoji.picker'));

  const tabList = document.createElement('div');
  tabList.className = 'emoji-tabs';
  tabList.setAttribute('role', 'tablist');
  tabList.setAttribute('aria-label', t('emoji.groups'));
  const tabs = [];
  const grids = [];
  for (const group of allGroups()) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'emoji-tab';
    tab.id = `emoji-tab-${group.id}`;
    tab.dataset.group = group.id;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', `emoji-grid-${group.id}`);
    tab.title = group.label;
    tab.setAttribute('aria-label', group.label);
    tab.textContent = group.emoji[0].char;
    tabs.push(tab);

    const grid = document.createElement('div');
    grid.className = 'emoji-grid';
    grid.id = `emoji-grid-${group.id}`;
    grid.dataset.group = group.id;
    grid.setAttribute('role', 'tabpanel');
    grid.setAttribute('aria-labelledby', tab.id);
    for (const emoji of group.emoji) {
      const cell = document.createElement('button');
      cell.type = 'button';
      cell.className = 'emoji-cell';
      cell.dataset.emoji = emoji.char;
      cell.textContent = emoji.char;
      cell.title = emoji.name;
      cell.setAttribute('aria-label', emoji.name);
      grid.appendChild(cell);
    }
    grids.push(grid);
  }
  tabList.append(...tabs);
  const caption = document.createElement('p');
  caption.className = 'emoji-caption';
  caption.setAttribute('aria-hidden', 'true'); // the tab already names the group for screen readers
  element.append(tabList, caption, ...grids);
  return { element, tabs, grids, caption };
}
