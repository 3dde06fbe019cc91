package io.coralbank.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A limit on an endpoint across all clients together, on top of each client's own, such as BCB's "1
 * request every 2 seconds for virtual account creation across all clients".
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface GlobalRateLimit {

  /** Requests allowed in each window. */
  int requests();

  /** The window, in seconds. */
  int seconds();
}
