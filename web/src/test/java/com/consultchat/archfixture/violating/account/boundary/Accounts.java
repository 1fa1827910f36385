package com.consultchat.archfixture.violating.account.boundary;

/** The boundary of account, known by platform in {@code Seeder}. */
public class Accounts {}
