package io.coralbank.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a core lookup that does not take the caller's customer. Only the operator's admin API and
 * the framework may call one; the dialects of API clients must use the lookups that take the
 * customer, so another customer's object is never found. {@code ArchitectureTest} enforces it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface UnscopedLookup {}
