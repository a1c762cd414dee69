package fr.observatoire.ia.plugin.squid;

import java.io.IOException;

/**
 * Cuts the decoded bytes of a {@link LogInput} into lines, from a start offset, and keeps the offsets a
 * cursor needs: the end of the last complete line, and the file's first {@link ScanCursor#HEAD_BYTES} bytes
 * (captured while reading, from the same open file, so that the fingerprint and the offset describe the same
 * content even if the file is truncated meanwhile).
 *
 * <p>Lines are handed over as ranges of an internal buffer, without copying or decoding. A "line" longer than
 * the buffer is not a Squid line (URLs are capped at 8 KiB): it is skipped and reported once, when it ends.
 */
final class LineReader {
    /** Receives the lines; {@code buf[from, to)} is only valid during the call. */
    interface Sink {
        void line(byte[] buf, int from, int to);

        void overlongLine();
    }

    private static final int BUFFER_SIZE = 1 << 18;
    private static final long PROGRESS_EVERY = 8L << 20;

    private final LogInput in;
    private final long startOffset;
    private final byte[] head;
    private int headKnown;
    private long committed;
    private boolean reachedEnd;

    /**
     * @param head      buffer of {@link ScanCursor#HEAD_BYTES} holding the first {@code headKnown} bytes of the file
     *                  (those a resumed cursor was checked against); filled further while reading
     */
    LineReader(LogInput in, long startOffset, byte[] head, int headKnown) {
        this.in = in;
        this.startOffset = startOffset;
        this.committed = startOffset;
        this.head = head;
        this.headKnown = headKnown;
    }

    /**
     * Reads to the end of the file, handing every complete line to {@code sink}; the last line of a compressed
     * file counts even without a line end, since a .gz is final. Returns the I/O error that stopped the reading
     * early, or null: lines handed over before an error stay handed over, and {@link #end()} stays at the last
     * complete one.
     */
    IOException readAll(Sink sink, ScanProgress progress) {
        byte[] buf = new byte[BUFFER_SIZE];
        int len = 0;                  // valid bytes in buf
        int scanFrom = 0;             // where to resume looking for '\n'
        long bufBase = startOffset;   // offset of buf[0]
        boolean discarding = false;   // inside a line longer than the buffer
        long nextProgress = startOffset + PROGRESS_EVERY;
        try {
            while (true) {
                if (len == buf.length) {
                    discarding = true;
                    bufBase += len;
                    len = 0;
                    scanFrom = 0;
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    break;
                }
                captureHead(buf, len, bufBase + len, n);
                len += n;
                int lineStart = 0;
                for (int i = scanFrom; i < len; i++) {
                    if (buf[i] == '\n') {
                        if (discarding) {
                            sink.overlongLine();
                            discarding = false;
                        } else {
                            sink.line(buf, lineStart, i);
                        }
                        lineStart = i + 1;
                    }
                }
                if (lineStart > 0) {
                    bufBase += lineStart;
                    committed = bufBase;
                    System.arraycopy(buf, lineStart, buf, 0, len - lineStart);
                    len -= lineStart;
                }
                scanFrom = len;
                if (bufBase >= nextProgress) {
                    progress.progress(in.rawPosition(), in.rawSize());
                    nextProgress += PROGRESS_EVERY;
                }
            }
        } catch (IOException e) {
            return e;
        }
        reachedEnd = true;
        if (in.compressed() && (len > 0 || discarding)) {
            if (discarding) {
                sink.overlongLine();
            } else {
                sink.line(buf, 0, len);
            }
            committed = bufBase + len;
        }
        progress.progress(in.rawSize(), in.rawSize());
        return null;
    }

    /** Offset just after the last line handed over: where the next scan starts. */
    long end() {
        return committed;
    }

    boolean reachedEnd() {
        return reachedEnd;
    }

    /** The cursor for {@link #end()}: offset, and the CRC-32 of the first bytes up to it. */
    ScanCursor cursor(String fileId) {
        int headLength = (int) Math.min(committed, ScanCursor.HEAD_BYTES);
        if (headLength > headKnown) {
            throw new IllegalStateException("first bytes of the log not captured: " + headKnown + " < " + headLength);
        }
        return new ScanCursor(fileId, committed, headLength, LogInput.checksum(head, headLength));
    }

    private void captureHead(byte[] buf, int at, long offset, int n) {
        if (offset < ScanCursor.HEAD_BYTES) {
            int copy = (int) Math.min(n, ScanCursor.HEAD_BYTES - offset);
            System.arraycopy(buf, at, head, (int) offset, copy);
            headKnown = Math.max(headKnown, (int) offset + copy);
        }
    }
}
