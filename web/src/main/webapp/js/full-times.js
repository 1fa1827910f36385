// Pages people keep or audit (transcripts, the audit log) show every time with its full date, in the
// reader's own zone: "today, 14:05" means nothing on paper a week later.
import { language } from './words.js';

const FORMAT = new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' });

export function showFullTimes(root = document) {
  root.querySelectorAll('time.local-time').forEach((element) => {
    const instant = new Date(element.getAttribute('datetime'));
    if (!Number.isNaN(instant.getTime())) {
      element.textContent = FORMAT.format(instant);
      element.title = instant.toISOString();
      element.classList.replace('local-time', 'full-time');
    }
  });
}

showFullTimes();
