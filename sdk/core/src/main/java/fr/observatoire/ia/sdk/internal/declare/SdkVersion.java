package fr.observatoire.ia.sdk.internal.declare;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, for the provenance of every declaration: a resource written by the build. */
public final class SdkVersion {
    public static final String NAME = "observatoire-sdk";
    private static final String VERSION = load();

    private SdkVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/fr/observatoire/ia/sdk/internal/sdk-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException ignored) {
            // Fall back to the manifest below.
        }
        String manifest = SdkVersion.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }
}
