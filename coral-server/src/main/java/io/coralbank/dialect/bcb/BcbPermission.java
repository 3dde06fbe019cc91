package io.coralbank.dialect.bcb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission claim a BCB endpoint requires. Every BCB handler method carries this or {@link
 * BcbPublic}; one with neither is refused (fail closed), and a test checks none is missing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface BcbPermission {
  String value();
}
