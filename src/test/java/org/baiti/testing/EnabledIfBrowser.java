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

/** Runs browser tests when Debian's Chromium is installed, or when required (then they fail without it). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(EnabledIfBrowser.Condition.class)
public @interface EnabledIfBrowser {

    /** The condition behind the annotation. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Browser.available() || Browser.required()) {
                return ConditionEvaluationResult.enabled("Chromium available or required");
            }
            return ConditionEvaluationResult.disabled("Chromium not installed (apt-get install chromium chromium-driver): "
                    + "browser tests skipped; BAITI_REQUIRE_BROWSER=true makes this a failure");
        }
    }
}
