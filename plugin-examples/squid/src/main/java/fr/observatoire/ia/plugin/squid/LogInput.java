package fr.observatoire.ia.plugin.squid;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * The decoded bytes of one log file, plain or gzip (recognised by its magic bytes, not its name: logrotate
 * setups name files in many ways), read through one open channel so that every check and every byte read
 * concern the same file even if it is renamed meanwhile.
 *
 * <p>Offsets are offsets in the decoded content: for a .gz, the position in the uncompressed log.
 */
final class LogInput implements Closeable {
    private static final int GZIP_BUFFER = 1 << 16;

    private final FileChannel channel;
    private final long rawSize;
    private final boolean compressed;
    /** For a .gz: the decompressing stream and how many decoded bytes it has given. */
    private final GZIPInputStream gzip;
    private long gzipPosition;

    private LogInput(FileChannel channel, long rawSize, boolean compressed) throws IOException {
        this.channel = channel;
        this.rawSize = rawSize;
        this.compressed = compressed;
        this.gzip = compressed ? new GZIPInputStream(Channels.newInputStream(channel), GZIP_BUFFER) : null;
    }

    static LogInput open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ByteBuffer magic = ByteBuffer.allocate(2);
            while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
                // positional reads: the channel position stays at 0
            }
            boolean gz = magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B;
            return new LogInput(channel, size, gz);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    boolean compressed() {
        return compressed;
    }

    /** Size of the file on disk when it was opened. */
    long rawSize() {
        return rawSize;
    }

    /** Bytes of the file on disk consumed so far (compressed bytes for a .gz), for progress reports. */
    long rawPosition() throws IOException {
        return Math.min(channel.position(), rawSize);
    }

    /**
     * Reads the first {@code length} decoded bytes into {@code dst}; must be called before any other read.
     * Returns how many there were (fewer if the file is shorter).
     */
    int readHead(byte[] dst, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (compressed) {
            return readFully(dst, 0, length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(dst, 0, length);
        long position = 0;
        int n;
        while (buffer.hasRemaining() && (n = channel.read(buffer, position)) > 0) {
            position += n;
        }
        return buffer.position();
    }

    /** Moves to decoded offset {@code offset}; false if the content is shorter than that. */
    boolean seek(long offset) throws IOException {
        if (!compressed) {
            if (offset > rawSize) {
                return false;
            }
            channel.position(offset);
            return true;
        }
        if (offset < gzipPosition) {
            throw new IllegalStateException("cannot seek backwards in a gzip stream");
        }
        try {
            gzip.skipNBytes(offset - gzipPosition);
        } catch (EOFException e) {
            return false;
        }
        gzipPosition = offset;
        return true;
    }

    /** Sequential read of decoded bytes; -1 at the end. */
    int read(byte[] dst, int off, int len) throws IOException {
        if (compressed) {
            int n = gzip.read(dst, off, len);
            if (n > 0) {
                gzipPosition += n;
            }
            return n;
        }
        return channel.read(ByteBuffer.wrap(dst, off, len));
    }

    private int readFully(byte[] dst, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = read(dst, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        if (gzip != null) {
            gzip.close();
        }
        channel.close();
    }

    /**
     * Whether {@code file} is the file {@code cursor} was taken on, still holding at least its offset:
     * same first bytes (CRC-32 of up to {@link ScanCursor#HEAD_BYTES}) and long enough. Content decides, not
     * the inode: a log moved or restored keeps its content and must not be counted twice, and a log truncated
     * in place (logrotate's copytruncate) keeps its inode but not its content.
     */
    static boolean continues(Path file, ScanCursor cursor) {
        try (LogInput in = open(file)) {
            return in.resume(cursor, new byte[ScanCursor.HEAD_BYTES]);
        } catch (IOException e) {
            return false;
        }
    }

    /** Checks the head against the cursor and seeks to its offset; false (nothing to resume) if either fails. */
    boolean resume(ScanCursor cursor, byte[] head) throws IOException {
        int n = readHead(head, cursor.headLength());
        if (n != cursor.headLength() || checksum(head, n) != cursor.headChecksum()) {
            return false;
        }
        return seek(cursor.offset());
    }

    static long checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** The inode ({@code ino:N}) where the file system has them, else the platform's file key, else null. */
    static String fileId(Path file) {
        try {
            Object inode = Files.getAttribute(file, "unix:ino");
            if (inode != null) {
                return "ino:" + inode;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            // not a unix file system: try the file key
        }
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            if (key != null) {
                String text = key.toString().replaceAll("\\s+", "_");
                return text.isEmpty() ? null : "key:" + text;
            }
        } catch (IOException e) {
            // no identity: the content fingerprint alone detects rotation
        }
        return null;
    }
}
