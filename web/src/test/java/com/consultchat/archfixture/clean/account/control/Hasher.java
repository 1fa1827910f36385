package com.consultchat.archfixture.clean.account.control;

import com.consultchat.archfixture.clean.account.entity.Account;

/** A control class, used only inside account. */
public class Hasher {
  Account account;
}
