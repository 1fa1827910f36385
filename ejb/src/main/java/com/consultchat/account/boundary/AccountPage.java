package com.consultchat.account.boundary;

import java.util.List;

/** One page of the administrator's list and how many accounts match in all. */
public record AccountPage(List<AccountSummary> rows, long total) {}
