package io.coralbank.identity;

/** A permission a client may hold: its key as it appears in tokens, and what it allows. */
public record Permission(String key, String description) {}
