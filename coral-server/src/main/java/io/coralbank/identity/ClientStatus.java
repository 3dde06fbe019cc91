package io.coralbank.identity;

/** A disabled client can neither log in nor use a token issued before. */
public enum ClientStatus {
  ACTIVE,
  DISABLED
}
