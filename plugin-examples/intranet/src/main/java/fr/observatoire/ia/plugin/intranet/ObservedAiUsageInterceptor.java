package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.Observatory;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interceptor of {@link ObservedAiUsage}, enabled for the whole application by its {@link Priority}. At
 * {@code LIBRARY_BEFORE} it runs outside the application's own interceptors, so a call an application interceptor
 * retries three times counts once; and inside the platform's, so a method that returns normally but whose
 * transaction then fails at commit is still counted.
 *
 * <p>It calls through first and counts after a normal return; an exception of the method passes through untouched
 * and is not counted. Nothing of the observatory's reaches the caller.
 *
 * <p>The container creates an interceptor instance per intercepted bean instance (one per request for a
 * request-scoped bean), so the counters are kept in a cache shared by all of them: the counter of each method of
 * each bean class is looked up once.
 */
@ObservedAiUsage
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ObservedAiUsageInterceptor {
    /** Counts nothing: for methods whose binding could not be read or names no usage. */
    private static final ActivityCounter NOT_COUNTED = count -> {
    };

    private static final Counters SHARED = new Counters(new SafeObservatory(IntranetRuntime::observatory));

    private final Counters counters;

    public ObservedAiUsageInterceptor() {
        this.counters = SHARED;
    }

    /** With an observatory of one's own, for a test or a host that builds interceptors itself. */
    ObservedAiUsageInterceptor(Observatory observatory) {
        this.counters = new Counters(new SafeObservatory(() -> observatory));
    }

    @AroundInvoke
    public Object count(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        try {
            counters.of(invocation).increment();
        } catch (RuntimeException | Error e) {
            ObservatoryFailures.record(e);
        }
        return result;
    }

    /**
     * The binding on the method, else on the bean's class. Read by reflection because Jakarta EE 10 (Interceptors
     * 2.1) gives an interceptor no portable access to the bindings the container resolved; so a binding carried by a
     * stereotype is not seen.
     */
    private static ObservedAiUsage binding(InvocationContext invocation) {
        Method method = invocation.getMethod();
        if (method == null) {
            return null;
        }
        ObservedAiUsage onMethod = method.getAnnotation(ObservedAiUsage.class);
        if (onMethod != null) {
            return onMethod;
        }
        // The target's class (the container's subclass of the bean, which inherits the annotation) covers a method
        // declared in a superclass of the annotated bean.
        Object target = invocation.getTarget();
        ObservedAiUsage onBean = target == null ? null : target.getClass().getAnnotation(ObservedAiUsage.class);
        return onBean != null ? onBean : method.getDeclaringClass().getAnnotation(ObservedAiUsage.class);
    }

    /** The counters of the methods seen, per bean class: a class-level binding differs from one bean class to another. */
    private static final class Counters {
        private final Observatory observatory;
        private final ClassValue<Map<Method, ActivityCounter>> byClass = new ClassValue<>() {
            @Override
            protected Map<Method, ActivityCounter> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };

        Counters(Observatory observatory) {
            this.observatory = observatory;
        }

        ActivityCounter of(InvocationContext invocation) {
            Method method = invocation.getMethod();
            Object target = invocation.getTarget();
            if (method == null || target == null) {
                return NOT_COUNTED;
            }
            Map<Method, ActivityCounter> counters = byClass.get(target.getClass());
            ActivityCounter counter = counters.get(method);
            if (counter == null) {
                counter = counters.computeIfAbsent(method, m -> newCounter(invocation));
            }
            return counter;
        }

        private ActivityCounter newCounter(InvocationContext invocation) {
            ObservedAiUsage binding = binding(invocation);
            if (binding == null || binding.usage().isBlank()) {
                return NOT_COUNTED;
            }
            return observatory.activity(binding.usage(), binding.service(), binding.action());
        }
    }
}
