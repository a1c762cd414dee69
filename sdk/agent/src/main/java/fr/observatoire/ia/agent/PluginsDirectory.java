package fr.observatoire.ia.agent;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plugins a vendor ships as a jar, dropped into a directory ({@code --plugins-dir}): each {@code *.jar} there is
 * put on a class loader whose parent is the agent's, so a plugin sees the SPI and the model of the agent and brings
 * its own dependencies (in the same directory, or shaded into its jar).
 */
final class PluginsDirectory {
    private PluginsDirectory() {
    }

    /** The agent's own class loader when {@code directory} is null. */
    static ClassLoader loader(Path directory, Messages messages) {
        ClassLoader agent = PluginsDirectory.class.getClassLoader();
        if (directory == null) {
            return agent;
        }
        if (!Files.isDirectory(directory)) {
            throw new AgentException(ExitCode.USAGE, messages.get("plugins.dir.missing", directory.toAbsolutePath()));
        }
        List<URL> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path jar : entries) {
                jars.add(url(jar));
            }
        } catch (IOException e) {
            throw new AgentException(ExitCode.USAGE, messages.get("plugins.dir.unreadable", directory.toAbsolutePath(), e.getMessage()));
        }
        jars.sort((a, b) -> a.toString().compareTo(b.toString()));
        // Never closed: the plugins' classes live as long as the agent.
        return new URLClassLoader("observatoire-plugins", jars.toArray(URL[]::new), agent);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("a file path is always a URL: " + jar, e);
        }
    }
}
