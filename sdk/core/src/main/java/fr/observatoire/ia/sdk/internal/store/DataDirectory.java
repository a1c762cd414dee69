package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.sdk.InvalidConfigException;
import fr.observatoire.ia.sdk.SdkConfig;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory, held with an exclusive lock for the SDK's lifetime. Two SDKs on one directory would
 * both sign with the same key and sequence numbers, forking the chain: the lock turns that into an error at
 * start instead.
 */
public final class DataDirectory implements AutoCloseable {
    private static final String LOCK_FILE = "observatoire.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating it when its parent exists) and locks the directory.
     *
     * @throws InvalidConfigException naming {@value SdkConfig.Keys#DATA_DIR} when it cannot be used
     */
    public static DataDirectory open(Path configured) {
        Path dir = configured.toAbsolutePath().normalize();
        String key = SdkConfig.Keys.DATA_DIR;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidConfigException(key + " " + dir + " exists but is not a directory", null);
        }
        if (!Files.exists(dir)) {
            // Only the leaf is created: a mistyped parent would otherwise silently start a second store with
            // a new key and a chain restarting at 1, which the observatory would refuse as a conflict.
            Path parent = dir.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new InvalidConfigException(key + " " + dir + " does not exist, nor does its parent " + parent
                        + ": create the parent directory or fix the path", null);
            }
            try {
                Files.createDirectory(dir);
            } catch (IOException e) {
                throw new InvalidConfigException(key + " " + dir + " cannot be created: " + e, e);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidConfigException(key + " " + dir + " is not writable by this process (user "
                    + System.getProperty("user.name") + ")", null);
        }
        return lock(dir);
    }

    private static DataDirectory lock(Path dir) {
        String key = SdkConfig.Keys.DATA_DIR;
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new InvalidConfigException(key + " " + dir + " is in use by another process running the observatory SDK;"
                        + " give each instance its own data directory", null);
            }
            return new DataDirectory(dir, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new InvalidConfigException(key + " " + dir + " is already used by another observatory SDK in this JVM;"
                    + " close it first, or give each instance its own data directory", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidConfigException(key + " " + dir + " cannot be locked: " + e, e);
        } catch (InvalidConfigException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to do: the OS releases the lock with the descriptor.
            }
        }
    }
}
