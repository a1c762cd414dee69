package fr.observatoire.ia.server.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Skips browser tests when Chromium or its driver is not installed (Debian's {@code chromium} and
 * {@code chromium-driver}), unless {@code -Dobservatoire.browser.required=true} (CI), where their absence is a failure.
 * Evaluated before Quarkus starts, so a skipped class starts nothing.
 */
public class ChromiumAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Path> browser = browser();
        Optional<Path> driver = driver();
        if (browser.isPresent() && driver.isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium " + browser.get() + " with " + driver.get());
        }
        String why = "no " + (browser.isEmpty() ? "chromium" : "chromedriver") + " on the PATH (apt-get install chromium chromium-driver)";
        if (Boolean.getBoolean("observatoire.browser.required")) {
            throw new IllegalStateException(why + " (and observatoire.browser.required=true)");
        }
        return ConditionEvaluationResult.disabled(why);
    }

    public static Optional<Path> browser() {
        return onPath("chromium", "chromium-browser", "google-chrome");
    }

    public static Optional<Path> driver() {
        return onPath("chromedriver");
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : names) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
