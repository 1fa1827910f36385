// The chat page, for consultations and rooms alike. Entries from the browser's cache, catch-up and the
// live stream merge by sequence number (conversation.js); what the person writes goes through the
// outbox and shows its state (timeline-view.js); each frame from the server goes to the part of the
// page it concerns (chat-frames.js). In a room (data-room) messages also carry report and moderation
// actions, and the room's panels hear when the room or its presence changed (page-events.js).
import { CONTEXT, Connection, ME, localizeTimes } from './connection.js';
import { openStore, wipeOthers } from './store.js';
import { Outbox } from './outbox.js';
import { notify } from './alerts.js';
import { Conversation } from './conversation.js';
import { TimelineView } from './timeline-view.js';
import { Changes, offerChangeTools } from './changes.js';
import { offerRoomActions } from './moderation.js';
import { Composer } from './composer.js';
import { Typers, TypingSignal, typingText } from './typing.js';
import { sendPresence } from './presence.js';
import { fillAppointmentDialog, showAppointment } from './appointment.js';
import { chatFrames } from './chat-frames.js';
import { watchMute } from './mute.js';
import { FileUploader, Uploads } from './uploads.js';
import { attachMarks } from './file-marks.js';
import { VoiceNotes } from './voice.js';
import { keepSeenFiles } from './files.js';
import { Announcer, speaker } from './announce.js';
import { jumpTo, requestedSeq } from './jump.js';
import { t } from './words.js';

const root = document.getElementById('chat');
const data = root.dataset;
const id = Number(data.conversation);
const canWrite = data.canWrite === 'true';
const participant = data.participant === 'true';
// Who this person is in this conversation's messages and receipts: their account in a consultation,
// their handle in a room. The account (ME) still names what the browser keeps.
const me = Number(data.me) || ME;
const room = data.room ? Number(data.room) : 0;
const roomRights = { me, room, moderator: data.moderator === 'true', canReport: data.canReport === 'true' };
const editMillis = (Number(data.editMinutes) || 0) * 60000;

const errorLine = document.getElementById('chat-error');
const errors = {
  show(text) {
    errorLine.textContent = text;
    errorLine.hidden = false;
  },
  hide() {
    errorLine.hidden = true;
  },
};
const typingLine = document.getElementById('chat-typing');
// Others' new messages, told to a screen reader; what the page opens with is read, not told.
const announcer = new Announcer({ me, say: speaker(document.getElementById('chat-announcer')) });

// Messages that arrive while the page is hidden count in its title and alert, until it is seen again.
const baseTitle = document.title;
let unseen = 0;

function arrivedWhileAway(message) {
  if (document.visibilityState !== 'visible') {
    unseen += 1;
    document.title = `(${unseen}) ${baseTitle}`;
    notify({ title: t('chat.new-from', message.senderName), body: message.body, url: location.href });
  }
}

localizeTimes();
await wipeOthers(ME);
const store = await openStore(ME);
keepSeenFiles(store);
const connection = new Connection({
  onReady: () => {
    if (!participant) {
      return; // an administrator looking in reads the audited transcript instead
    }
    // Registered first, then catch up from what we hold, then send (again) what waits to be sent.
    conversation.sync();
    outbox.resendAll();
    changes.resendAll();
    sendPresence(connection, id);
  },
  onFrame: (frame) => handle(frame),
  onPoll: () => {
    if (participant) {
      connection.poll(id, conversation.contiguous);
      sendPresence(connection, id);
    }
  },
});
const outbox = new Outbox({
  store,
  connection,
  accountId: ME,
  onChange: () => conversation.showOutbox(),
  uploader: new FileUploader(),
  // The upload's answer carries the entry: it shows at once, before the live stream brings it.
  onStored: (message) => (message.conversation === id ? conversation.live(message) : undefined),
  onProgress: (clientId, fraction) => view.progress(clientId, fraction),
});
const changes = new Changes({ connection, conversation: id, showError: errors.show });
const typers = new Typers((names) => {
  if (typingLine) {
    typingLine.textContent = typingText(names);
  }
});
const composer = new Composer({
  maxLength: Number(data.maxLength) || 4000,
  write: (body, kind) => outbox.add(id, body, kind),
  edit: (seq, body) => {
    if (body !== conversation.message(seq)?.body) {
      changes.edit(seq, body);
    }
  },
  typing: new TypingSignal(() => connection.send({ type: 'typing', conversation: id })),
  errors,
});
const view = new TimelineView({
  list: document.getElementById('chat-messages'),
  empty: document.getElementById('chat-empty'),
  me,
  decorate: (element, message) => {
    offerRoomActions(element, message, roomRights);
    offerChangeTools(element, message, {
      me,
      canWrite,
      editMillis,
      edit: (seq) => composer.startEditing(conversation.message(seq)),
      remove: (seq) => changes.remove(seq),
    });
  },
  retry: (clientId) => outbox.retry(clientId),
  cancel: (clientId) => outbox.cancel(clientId),
});
const conversation = new Conversation({
  id,
  me,
  readReceipts: data.readReceipts !== 'false',
  store,
  connection,
  outbox,
  view,
  onDeleted: (seq) => {
    if (composer.isEditing(seq)) {
      composer.stopEditing();
    }
  },
  onNew: (message) => announcer.arrived(message),
  onCaughtUp: () => announcer.listen(),
});
const handle = chatFrames({
  id,
  me,
  room,
  participant,
  connection,
  conversation,
  changes,
  typers,
  showError: errors.show,
  arrived: arrivedWhileAway,
  consultationChanged,
});

const jumpSeq = requestedSeq(location.search);
if (jumpSeq) {
  jumpTo({
    list: (participant ? null : document.getElementById('observed-messages')) || view.list,
    seq: jumpSeq,
    view,
    reached: () => !participant || conversation.contiguous >= jumpSeq,
    missing: () => errors.show(data.goneText),
  });
}
await conversation.restore();
outbox.start();
connection.start();

document.addEventListener('visibilitychange', () => {
  conversation.sendReceipts();
  if (participant) {
    sendPresence(connection, id);
  }
  if (document.visibilityState === 'visible') {
    unseen = 0;
    document.title = baseTitle;
  }
});

/**
 * Another state (taken, handed over, closed) changes what the page offers: show it afresh. Someone
 * who handed the consultation over is no longer part of it and goes back to their own page.
 */
function consultationChanged(consultation) {
  if (String(consultation.id) !== data.consultation) {
    return;
  }
  data.windowStart = consultation.windowStart || '';
  data.windowEnd = consultation.windowEnd || '';
  data.mayReply = String(consultation.patientMayReply);
  showWindow();
  if (document.getElementById('chat-status').dataset.status === consultation.status) {
    return;
  }
  const stillMine = consultation.patientId === ME || consultation.staffId === ME;
  if (stillMine || document.body.dataset.admin === 'true') {
    location.reload();
  } else {
    location.assign(`${CONTEXT}/index.xhtml`);
  }
}

function showWindow() {
  showAppointment(root, (open, reason) => composer.setOpen(open, reason));
}

if (canWrite) {
  composer.attach();
  if (room) {
    watchMute(composer, root);
  }
  const uploads = new Uploads({
    conversation: id,
    outbox,
    list: document.getElementById('chat-messages'),
    input: document.getElementById('composer-input'),
  });
  uploads.attach();
  new VoiceNotes({
    button: document.getElementById('composer-voice'),
    composer: document.getElementById('composer'),
    send: (file) => uploads.sendAll([file]),
    errors,
  }).attach();
}
// Marking a file is not writing to the conversation: staff may verify while the composer is shut.
attachMarks(document.getElementById('chat-messages'), {
  stored: (message) => conversation.live(message),
  errors: errors.show,
});
showWindow();
fillAppointmentDialog(root);
