package fr.observatoire.ia.testkit.conformance.selftest;

import com.example.helpdesk.observatoire.HelpdeskCsvPluginConformanceTest;
import fr.observatoire.ia.spi.PullPlugin;

/**
 * The example's conformance test run against flawed plugins. Not named *Test: Maven runs them only through
 * {@link ConformanceSuiteSelfTest}, which expects them to fail.
 */
final class FlawedConformance {
    private FlawedConformance() {
    }

    public static class Leaking extends HelpdeskCsvPluginConformanceTest {
        @Override
        protected PullPlugin newPlugin() {
            return new LeakingHelpdeskPlugin();
        }
    }

    public static class Throwing extends HelpdeskCsvPluginConformanceTest {
        @Override
        protected PullPlugin newPlugin() {
            return new ThrowingHelpdeskPlugin();
        }
    }

    public static class CursorIgnoring extends HelpdeskCsvPluginConformanceTest {
        @Override
        protected PullPlugin newPlugin() {
            return new CursorIgnoringHelpdeskPlugin();
        }
    }
}
