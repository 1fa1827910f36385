package com.consultchat.archfixture.clean.account.entity;

/** An entity, used only inside account. */
public class Account {}
