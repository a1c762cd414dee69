package fr.observatoire.ia.hostcompat;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens without the shaded artifact: Maven's nearest-wins gives the SDK the host's HttpClient 5.1 and
 * Jackson 2.12, and a class the SDK needs is missing. The SDK turns that LinkageError into its ordinary start-up
 * failure, naming the fix (observatoire-sdk-all): an exception the host can catch (policy FAIL) or a disabled SDK
 * (policy NOOP), never an Error thrown through the host's start-up.
 */
class UnshadedSdkConflictTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"FAIL", "NOOP"})
    void the_plain_sdk_on_old_libraries_fails_to_start_cleanly_and_names_the_fix(String policy) throws Exception {
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", unshadedClasspath(), UnshadedHost.class.getName(), dataDir.toString(), "http://127.0.0.1:9", policy)
                .redirectErrorStream(true)
                .start();
        String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(host.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(policy + ": " + output); // the report shows what a host would see

        assertThat(output).contains("HOST STILL RUNNING").contains("observatoire-sdk-all")
                .containsAnyOf("NoClassDefFoundError", "NoSuchMethodError", "ExceptionInInitializerError", "IncompatibleClassChangeError");
        if (policy.equals("FAIL")) {
            assertThat(output).contains("THREW java.lang.IllegalStateException: The observatory SDK cannot start");
        } else {
            assertThat(output).contains("BUILT enabled=false");
        }
    }

    /** The test classpath with the plain SDK (copied by the build into target/unshaded-sdk) instead of the shaded one. */
    private static String unshadedClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("observatoire-sdk-all")) {
                entries.add(entry);
            }
        }
        try (Stream<Path> jars = Files.list(Path.of("target", "unshaded-sdk"))) {
            jars.map(Path::toAbsolutePath).map(Path::toString).forEach(entries::add);
        }
        return String.join(File.pathSeparator, entries);
    }
}
