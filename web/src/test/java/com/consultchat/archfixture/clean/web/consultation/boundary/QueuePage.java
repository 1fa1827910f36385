package com.consultchat.archfixture.clean.web.consultation.boundary;

import com.consultchat.archfixture.clean.consultation.boundary.Consultations;
import com.consultchat.archfixture.clean.web.platform.boundary.HeadersFilter;

/** A page of another feature: ejb boundary and the web platform. */
public class QueuePage {
  Consultations consultations;
  HeadersFilter headers;
}
