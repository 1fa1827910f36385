package com.consultchat.setting.boundary;

import com.consultchat.platform.boundary.EditableSetting;

/**
 * One run-time setting as the settings page shows it: the value in force, the default it falls back
 * to, and whether an administrator changed it.
 */
public record SettingItem(
    EditableSetting setting, String value, String fallback, boolean changed) {}
