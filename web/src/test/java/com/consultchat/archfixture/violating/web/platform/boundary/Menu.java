package com.consultchat.archfixture.violating.web.platform.boundary;

import com.consultchat.archfixture.violating.web.consultation.boundary.QueuePage;

/** Breaks "platform knows no feature" in web: the web platform linking a feature's page. */
public class Menu {
  QueuePage queue;
}
