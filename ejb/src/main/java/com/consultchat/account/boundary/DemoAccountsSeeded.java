package com.consultchat.account.boundary;

/**
 * Fired at each start in demo mode once the demo accounts exist, so other features can seed the
 * demo data that belongs to them (such as the demo specialist's specialty).
 */
public record DemoAccountsSeeded(long specialistId, boolean courseSite) {}
