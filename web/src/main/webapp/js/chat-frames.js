// What the chat page does with each frame the server sends: one handler per type, each handing the
// frame to the part of the page it concerns. Frames about other conversations only alert.
import { CONTEXT, ME } from './connection.js';
import { notify, notifyHandover } from './alerts.js';
import { showEmergency, showUrgent } from './emergency.js';
import { ROOM_CHANGED, announce } from './page-events.js';
import { sendPresence, showPresence } from './presence.js';
import { t } from './words.js';

// A room redraws its member list once for a burst of comings and goings.
const PRESENCE_SETTLES_MS = 1000;

/**
 * The page's parts: its conversation (id, me, room, participant), the Conversation, Changes and
 * Typers, and what to do about an error, a message arriving unseen and a changed consultation.
 */
export function chatFrames({
  id,
  me,
  room,
  participant,
  connection,
  conversation,
  changes,
  typers,
  showError,
  arrived,
  consultationChanged,
}) {
  let presenceTimer;
  const handlers = {
    history: async (frame) => {
      if (frame.conversation === id) {
        await conversation.history(frame);
      }
    },
    message: async ({ message }) => {
      if (message.conversation === id) {
        const fresh = await conversation.live(message);
        if (message.senderId !== me) {
          typers.stop(message.senderId);
          if (fresh && message.kind === 'TEXT') {
            arrived(message);
          }
        }
      } else if (message.senderId !== ME && message.kind === 'TEXT') {
        notify({
          title: t('chat.new-from', message.senderName),
          body: message.body,
          url: `${CONTEXT}/index.xhtml`,
        });
      }
    },
    typing: (frame) => {
      if (frame.conversation === id && frame.account !== me) {
        typers.start(frame.account, frame.name, frame.expiresInMillis);
      }
    },
    presence: (frame) => {
      if (room) {
        clearTimeout(presenceTimer);
        presenceTimer = setTimeout(() => announce(ROOM_CHANGED), PRESENCE_SETTLES_MS);
      } else if (frame.conversation == null || frame.conversation === id) {
        frame.members.forEach((member) => showPresence(member, me));
      }
    },
    // Kept aside for a moderator: it leaves the outbox and waits in the room's review list.
    held: async (frame) => {
      await conversation.outbox.settled(frame.clientId);
      announce(ROOM_CHANGED);
    },
    room: (frame) => {
      if (frame.room === room) {
        announce(ROOM_CHANGED);
        if (participant) {
          sendPresence(connection, id); // members may have come or gone: watch the ones there are now
        }
      }
    },
    'room-deleted': (frame) => {
      if (frame.room === room) {
        location.assign(`${CONTEXT}/rooms/index.xhtml?deleted=true`);
      }
    },
    queue: (frame) => {
      if (frame.arrived) {
        notify({
          kind: 'request',
          title: t('frames.request'),
          body: `${frame.arrived.subject} (${frame.arrived.specialtyName || t('frames.general')})`,
          url: `${CONTEXT}/staff/queue.xhtml`,
        });
      }
    },
    ack: async (frame) => {
      // An edit or deletion is done; its message frame, before or after this ack, applies it.
      if (!changes.acknowledged(frame.clientId)) {
        await conversation.acknowledged(frame);
      }
    },
    receipt: async (frame) => {
      if (frame.conversation === id) {
        await conversation.receipt(frame.receipt);
      }
    },
    consultation: (frame) => {
      notifyHandover(frame.consultation);
      consultationChanged(frame.consultation);
    },
    emergency: (frame) => {
      if (frame.conversation === id) {
        showEmergency();
      }
    },
    urgent: (frame) =>
      showUrgent(frame, {
        here: frame.conversation === id,
        url: frame.room
          ? `${CONTEXT}/rooms/room.xhtml?id=${frame.room}`
          : frame.waiting
            ? `${CONTEXT}/staff/queue.xhtml`
            : `${CONTEXT}/consultation/chat.xhtml?id=${frame.consultation}`,
      }),
    error: async (frame) => {
      if (changes.refused(frame)) {
        return;
      }
      if (frame.clientId) {
        await conversation.outbox.refused(frame.clientId, frame.code, frame.message, frame.retryAfter);
      }
      if (frame.code !== 'too-soon') {
        showError(frame.message);
      }
    },
  };
  return async (frame) => {
    if (Object.hasOwn(handlers, frame.type)) {
      await handlers[frame.type](frame);
    }
  };
}
