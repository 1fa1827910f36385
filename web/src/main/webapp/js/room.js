// A room's page around its chat (chat.js): the actions on a message and on a report go to the page's
// Faces forms, which check on the server whether this person may, and come back with the result.
import { localizeTimes } from './connection.js';
import { t } from './words.js';

const messages = document.getElementById('chat-messages');

messages.addEventListener('click', (event) => {
  const button = event.target.closest('.msg-action');
  if (!button) {
    return;
  }
  const message = button.closest('.msg');
  const seq = message.dataset.seq;
  switch (button.dataset.action) {
    case 'report':
      document.getElementById('report:seq').value = seq;
      document.getElementById('report-quote').textContent = message.querySelector('.msg-body').textContent;
      window.PF('reportDialog').show();
      document.getElementById('report:reason').focus();
      break;
    case 'remove':
      if (window.confirm(t('room.remove-message.confirm'))) {
        submit('remove', seq);
      }
      break;
    case 'pin':
      submit('pin', seq);
      break;
    default:
      break;
  }
});

document.addEventListener('click', (event) => {
  const button = event.target.closest('.resolve-button');
  if (button) {
    document.getElementById('resolve:report').value = button.dataset.report;
    window.PF('resolveDialog').show();
    document.getElementById('resolve:resolution').focus();
  }
});

function submit(action, seq) {
  document.getElementById('msg:seq').value = seq;
  document.getElementById(`msg:${action}`).click();
}

// The panels are drawn again after a refresh: show their times in local time again.
if (window.jQuery) {
  window.jQuery(document).on('pfAjaxComplete', () => localizeTimes());
}
