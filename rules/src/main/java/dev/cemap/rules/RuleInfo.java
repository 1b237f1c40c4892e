package dev.cemap.rules;

import dev.cemap.analyzer.model.Level;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything a user sees about a rule, in one place: SARIF {@code tool.driver.rules},
 * {@code cemap rules} and the generated rule reference read it from here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** The ruleId: kebab case, stable forever, never reused. */
    String id();

    /** Default level; a rule may report some findings at another level (see section-crossing). */
    Level level();

    /** One sentence: SARIF shortDescription and the {@code cemap rules} listing. */
    String summary();

    /** A paragraph: SARIF fullDescription. */
    String description();

    /** Markdown help: why it matters on the device and how to fix it, with a short example. */
    String help();

    /** SARIF {@code properties.tags}. */
    String[] tags() default {};

    /** SARIF {@code properties.precision}: very-high, high, medium or low. */
    String precision() default "high";

    /** SARIF {@code properties.security-severity} (0.0–10.0), empty when not a security issue. */
    String securitySeverity() default "";
}
