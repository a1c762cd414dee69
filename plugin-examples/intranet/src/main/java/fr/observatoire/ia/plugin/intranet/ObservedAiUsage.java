package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts each successful invocation (one that returns rather than throws) of the annotated method, or of every
 * business method of the annotated bean, as one {@link #action()} of the usage {@link #usage()} in {@link #service()}:
 *
 * <pre>
 * &#64;ObservedAiUsage(usage = "redaction-courriers", service = Service.CIVIL_REGISTRY, action = ActionKind.DOCUMENT_DRAFTED)
 * public Draft draftLetter(Request request) { ... }
 * </pre>
 *
 * <p>The members are {@link Nonbinding}: one interceptor serves every usage and reads them at the call. Their
 * defaults only exist so the interceptor class can carry the binding; a method whose {@code usage} is left empty is
 * not counted.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ObservedAiUsage {
    /** The usage id of the collectivité's inventory, e.g. {@code redaction-courriers}. */
    @Nonbinding
    String usage() default "";

    @Nonbinding
    Service service() default Service.OTHER;

    @Nonbinding
    ActionKind action() default ActionKind.OTHER;
}
