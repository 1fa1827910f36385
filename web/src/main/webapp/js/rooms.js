// The room directory: a live list (see lists.js) whose Join buttons open the one join dialog for the
// room chosen. The dialog asks for a pseudonym; an empty one gets a generated name.
import './lists.js';
import { t } from './words.js';

document.addEventListener('click', (event) => {
  const button = event.target.closest('.join-button');
  if (!button || !window.PF) {
    return;
  }
  document.getElementById('join:room').value = button.dataset.room;
  document.getElementById('join-room-name').textContent = button.dataset.name;
  const submit = document.getElementById('join:submit');
  submit.querySelector('.ui-button-text').textContent = button.dataset.open === 'true' ? t('rooms.join') : t('rooms.ask-to-join');
  window.PF('joinDialog').show();
  document.getElementById('join:pseudonym').focus();
});
