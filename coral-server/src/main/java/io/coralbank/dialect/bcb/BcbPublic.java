package io.coralbank.dialect.bcb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A BCB endpoint that needs no token, as BCB documents it (token issuance, system time). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface BcbPublic {}
