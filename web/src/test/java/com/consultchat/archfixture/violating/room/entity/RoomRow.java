package com.consultchat.archfixture.violating.room.entity;

/** An entity of room, read from the web by {@code RoomPage}. */
public class RoomRow {}
