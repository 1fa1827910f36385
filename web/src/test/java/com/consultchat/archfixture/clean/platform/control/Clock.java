package com.consultchat.archfixture.clean.platform.control;

import com.consultchat.archfixture.clean.platform.boundary.Refused;

/** Platform's own control, used only by platform. */
public class Clock {
  Refused refused;
}
