package com.consultchat.archfixture.clean.account.boundary;

import com.consultchat.archfixture.clean.account.control.Hasher;
import com.consultchat.archfixture.clean.account.entity.Account;
import com.consultchat.archfixture.clean.platform.boundary.Refused;

/** Account's boundary: its own control and entity, platform's boundary. */
public class Accounts {
  Hasher hasher;
  Account account;
  Refused refused;
}
