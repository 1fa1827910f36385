package com.consultchat.archfixture.violating.consultation.boundary;

import com.consultchat.archfixture.violating.account.control.Hasher;

/** Breaks "features meet only at boundaries" in ejb: consultation using account's control. */
public class Intake {
  Hasher hasher;
}
