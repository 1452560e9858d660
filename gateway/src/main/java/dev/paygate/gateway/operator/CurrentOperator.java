package dev.paygate.gateway.operator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.core.annotation.CurrentSecurityContext;

/** The signed-in operator's name, for the audit log, as the operator chain authenticated it. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@CurrentSecurityContext(expression = "authentication.name")
@interface CurrentOperator {
}
