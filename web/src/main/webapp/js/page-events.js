// The live client and the pages around it meet through events on the document: the client says what
// changed, and each page that shows it listens and draws its server-rendered panels again. Nothing is
// announced while the page is navigating away (a Faces form posts and redirects): a redraw sent then
// would reach the server before the redirected page and take the messages meant for that page.
import { isLeaving } from './connection.js';

/** The staff queue, a patient's consultations or the room directory may have changed. */
export const LISTS_CHANGED = 'consultchat:lists-changed';
/** A room's panels (pins, members, posts held for review, reports) may have changed. */
export const ROOM_CHANGED = 'consultchat:room-changed';

export function announce(name) {
  if (!isLeaving()) {
    document.dispatchEvent(new CustomEvent(name));
  }
}
