package fr.observatoire.ia.testkit.conformance.selftest;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A conformance test class run through the JUnit Platform Launcher, as a build would run it, with the outcome of
 * each test by name: {@code method} or, for a parameterized test, {@code method[DISPLAY]}.
 */
record SuiteRun(Set<String> succeeded, Map<String, String> failed, Set<String> skipped) {

    static SuiteRun of(Class<?> testClass) {
        Map<String, String> failed = new ConcurrentHashMap<>();
        Set<String> succeeded = ConcurrentHashMap.newKeySet();
        Set<String> skipped = ConcurrentHashMap.newKeySet();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    skipped.add(name(test));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (!test.isTest()) {
                    return;
                }
                switch (result.getStatus()) {
                    case SUCCESSFUL -> succeeded.add(name(test));
                    case ABORTED -> skipped.add(name(test));
                    case FAILED -> failed.put(name(test), String.valueOf(result.getThrowable().map(Throwable::getMessage).orElse("")));
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
        LauncherFactory.create().execute(request, listener);
        return new SuiteRun(new TreeSet<>(succeeded), new TreeMap<>(failed), new TreeSet<>(skipped));
    }

    private static String name(TestIdentifier test) {
        String method = test.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .orElse(test.getDisplayName());
        return test.getUniqueId().contains("test-template-invocation") ? method + "[" + test.getDisplayName() + "]" : method;
    }
}
