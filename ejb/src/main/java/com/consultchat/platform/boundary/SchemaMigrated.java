package com.consultchat.platform.boundary;

/**
 * Fired once per start, synchronously, when the schema is current and before the application serves
 * anyone: features observe it to seed what they need. Seeding must be idempotent, since every start
 * fires it on a database that may already hold the data.
 */
public record SchemaMigrated() {}
