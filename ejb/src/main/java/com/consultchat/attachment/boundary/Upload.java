package com.consultchat.attachment.boundary;

/**
 * What comes with a file's bytes: the client's id for it (a resend with the same id never stores a
 * second copy), the name as the sender's device gave it (sanitised before anyone sees it), an
 * optional caption, and the length the request declared (-1 when it declared none).
 */
public record Upload(String clientId, String name, String caption, long declaredLength) {}
