package com.consultchat.archfixture.violating.platform.control;

import com.consultchat.archfixture.violating.account.boundary.Accounts;

/** Breaks "platform knows no feature" in ejb: platform calling account, even its boundary. */
public class Seeder {
  Accounts accounts;
}
