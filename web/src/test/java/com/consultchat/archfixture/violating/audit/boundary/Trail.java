package com.consultchat.archfixture.violating.audit.boundary;

import com.consultchat.archfixture.violating.messaging.boundary.Posts;

/** Breaks "features form no cycle" with {@code Posts}: audit and messaging know each other. */
public class Trail {
  Posts posts;
}
