package dev.paygate.gateway.operator;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.FrontUnit;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Present only in a process that runs both units: the embedded default, or an all-in-one "ops" instance
 * beside a split deployment. The operator console needs the front's credentials and alerts as well as the
 * back's ledger, vault and card networks, and a front process must hold no ledger credentials.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FrontUnit
@BackUnit
@interface AllInOne {
}
