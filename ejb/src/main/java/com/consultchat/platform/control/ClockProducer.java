package com.consultchat.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the application; tests construct entities with their own. */
@Dependent
public class ClockProducer {

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
