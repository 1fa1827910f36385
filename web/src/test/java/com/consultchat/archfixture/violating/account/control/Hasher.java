package com.consultchat.archfixture.violating.account.control;

/** A control class of account, used by consultation in {@code Intake}. */
public class Hasher {}
