// In a room, what a message offers: someone else's can be reported; moderators also pin and remove.
// The buttons only name their action; room.js sends it through the page's forms, and the server
// decides whether this person may.
import { t } from './words.js';

export function offerRoomActions(element, message, { me, room, moderator, canReport }) {
  element.querySelector('.msg-actions')?.remove();
  const mine = message.senderId === me;
  if (!room || message.deletedAt || !(moderator || (canReport && !mine))) {
    return;
  }
  const actions = document.createElement('span');
  actions.className = 'msg-actions';
  if (canReport && !mine) {
    actions.append(messageAction('report', t('room.report')));
  }
  if (moderator) {
    actions.append(messageAction('pin', t('room.pin')), messageAction('remove', t('room.remove')));
  }
  element.append(actions);
}

function messageAction(name, label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button msg-action';
  button.dataset.action = name;
  button.textContent = label;
  return button;
}
