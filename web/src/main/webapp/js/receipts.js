// Receipts both ways. The others': how far each other member has received and read the conversation,
// which sets the ticks on this person's own messages. This person's: how far they have told the
// others, which only ever moves forward, and counts as read only while the page is in view.

export class Receipts {
  constructor(me, readReceipts = true) {
    this.me = me;
    this.readReceipts = readReceipts;
    this.others = []; // { account, delivered, read }, one per other member
  }

  /** Takes the receipts as a whole, as catch-up or the browser's cache has them. */
  replace(receipts) {
    this.others = receipts.filter((r) => r.account !== this.me);
  }

  /** Takes one member's newest receipt; answers false for this person's own, which changes nothing. */
  update(receipt) {
    if (receipt.account === this.me) {
      return false;
    }
    this.others = this.others.filter((r) => r.account !== receipt.account).concat(receipt);
    return true;
  }

  /** How far anyone else has got; read stays 0 where the clinic keeps reading private. */
  reach() {
    return {
      delivered: Math.max(0, ...this.others.map((r) => r.delivered)),
      read: this.readReceipts ? Math.max(0, ...this.others.map((r) => r.read)) : 0,
    };
  }
}

/** The tick an own message with this seq shows, given {@link Receipts#reach}. */
export function tick(seq, reach) {
  return seq <= reach.read ? 'read' : seq <= reach.delivered ? 'delivered' : 'sent';
}

export class ReceiptCursor {
  constructor() {
    this.told = { delivered: 0, read: 0 };
  }

  /**
   * The receipt to send now that every entry up to contiguous is here, or null when it would tell
   * nothing new. Reading needs the page in view.
   */
  next(contiguous, visible) {
    const read = visible ? contiguous : this.told.read;
    return contiguous > this.told.delivered || read > this.told.read
      ? { delivered: contiguous, read }
      : null;
  }

  /** Records a receipt as told; one that did not go out is offered again next time. */
  sent(receipt) {
    this.told = receipt;
  }
}
