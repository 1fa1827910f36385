package com.consultchat.archfixture.violating.messaging.boundary;

import com.consultchat.archfixture.violating.audit.boundary.Trail;

/** The other half of the audit-messaging cycle started in {@code Trail}. */
public class Posts {
  Trail trail;
}
