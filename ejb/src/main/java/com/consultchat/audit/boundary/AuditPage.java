package com.consultchat.audit.boundary;

import java.io.Serializable;
import java.util.List;

/** One page of the audit log and how many entries match in all. */
public record AuditPage(List<AuditEntry> entries, long total) implements Serializable {}
