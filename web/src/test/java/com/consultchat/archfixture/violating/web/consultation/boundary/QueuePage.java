package com.consultchat.archfixture.violating.web.consultation.boundary;

import com.consultchat.archfixture.violating.web.messaging.control.Lane;

/** Breaks "features meet only at boundaries" in web: a page using messaging's web control. */
public class QueuePage {
  Lane lane;
}
