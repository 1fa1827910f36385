package com.consultchat.messaging.boundary;

/** How far one member has received and read a conversation. */
public record ReceiptState(long account, long delivered, long read) {}
