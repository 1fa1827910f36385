package com.consultchat.archfixture.clean.consultation.boundary;

import com.consultchat.archfixture.clean.account.boundary.Accounts;

/** Another feature, using account through its boundary. */
public class Consultations {
  Accounts accounts;
}
