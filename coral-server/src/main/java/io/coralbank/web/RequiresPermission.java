package io.coralbank.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a dialect endpoint requires. Every handler of a dialect with API clients carries
 * this or {@link PublicEndpoint}; one with neither is refused (fail closed), and a test checks that
 * none is missing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {
  String value();
}
