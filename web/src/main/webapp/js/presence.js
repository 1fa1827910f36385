// Presence in a consultation: the page tells the server whether it is in use or idle (which also asks
// who else is here), and shows whether the other party is online, away, or when they were last seen.
// A room shows its members' presence in its member list instead.
import { formatInstant } from './connection.js';
import { t } from './words.js';

export function sendPresence(connection, conversation) {
  connection.send({
    type: 'presence',
    conversation,
    state: document.visibilityState === 'visible' ? 'online' : 'away',
  });
}

export function showPresence(member, me) {
  const dot = document.getElementById('chat-presence-dot');
  const text = document.getElementById('chat-presence');
  if (member.account === me || !dot) {
    return;
  }
  dot.dataset.state = member.state;
  if (member.state === 'online' || member.state === 'away') {
    text.textContent = t(`presence.${member.state}`);
  } else if (member.lastSeen) {
    text.textContent = t('presence.last-seen', formatInstant(new Date(member.lastSeen)));
  } else {
    text.textContent = t('presence.offline');
  }
}
