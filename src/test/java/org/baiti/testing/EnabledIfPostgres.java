package org.baiti.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class when PostgreSQL is reachable, or when it is required (and then fails without it). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(EnabledIfPostgres.Condition.class)
public @interface EnabledIfPostgres {

    /** The condition behind the annotation. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Postgres.required() || Postgres.reachable()) {
                return ConditionEvaluationResult.enabled("PostgreSQL reachable or required");
            }
            return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + Postgres.BASE_URL
                    + ": skipped (BAITI_REQUIRE_POSTGRES=true makes this a failure)");
        }
    }
}
