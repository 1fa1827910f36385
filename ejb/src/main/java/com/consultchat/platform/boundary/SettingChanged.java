package com.consultchat.platform.boundary;

/**
 * An administrator stored or reset a setting; observed after commit, so every reader on this node
 * sees the new value at once.
 */
public record SettingChanged(String name) {}
