package io.coralbank.platform;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code coral.mode} is sandbox, the default. */
class SandboxModeCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
            .bind("coral.mode", CoralMode.class)
            .orElse(CoralMode.SANDBOX)
        == CoralMode.SANDBOX;
  }
}
