package fr.observatoire.ia.plugin.squid;

/**
 * Where the next scan of a log file starts, and enough about the file to notice that it was rotated.
 * The host persists it (see {@link #encode()}) together with the counts the scan produced, so that a crash
 * repeats nothing and loses nothing.
 *
 * <p>Holds no log content: an inode number, a byte offset and a CRC-32 of the first bytes of the file
 * (which can neither be read back nor identify anyone, and tells a truncated-then-rewritten file from
 * the one we read).
 *
 * @param fileId       identity of the file that was read ({@code ino:1234} where the file system has inodes), or null;
 *                     it finds the rotated file first, but whether a file continues the cursor is decided by its
 *                     content (first bytes and length), which survives a restore and catches copytruncate
 * @param offset       byte offset of the end of the last complete line read (in the decompressed content of a .gz)
 * @param headLength   how many first bytes of the file {@code headChecksum} covers (at most {@link #HEAD_BYTES})
 * @param headChecksum CRC-32 of those bytes
 */
public record ScanCursor(String fileId, long offset, int headLength, long headChecksum) {
    /** Bytes of the start of the file used as its fingerprint: one or two log lines, each with a millisecond timestamp. */
    public static final int HEAD_BYTES = 256;
    /** The start of any file. */
    public static final ScanCursor START = new ScanCursor(null, 0, 0, 0);

    private static final String PREFIX = "squid-cursor/1";

    public ScanCursor {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (headLength < 0 || headLength > HEAD_BYTES || headLength > offset) {
            throw new IllegalArgumentException("headLength must be 0 to min(offset, " + HEAD_BYTES + "), was " + headLength);
        }
        if (fileId != null && (fileId.isEmpty() || fileId.chars().anyMatch(c -> c <= ' '))) {
            throw new IllegalArgumentException("fileId must be a non-empty word, was '" + fileId + "'");
        }
    }

    /** One line of text, e.g. {@code squid-cursor/1 ino:1234 5678 256 89abcdef}. */
    public String encode() {
        return PREFIX + " " + (fileId == null ? "-" : fileId) + " " + offset + " " + headLength + " " + Long.toHexString(headChecksum);
    }

    /** The inverse of {@link #encode()}; throws {@link IllegalArgumentException} on anything else. */
    public static ScanCursor decode(String text) {
        String[] words = text == null ? new String[0] : text.strip().split(" ");
        if (words.length != 5 || !PREFIX.equals(words[0])) {
            throw new IllegalArgumentException("not a Squid cursor (expected '" + PREFIX + " FILEID OFFSET HEADLENGTH HEADCRC'): " + text);
        }
        try {
            return new ScanCursor("-".equals(words[1]) ? null : words[1], Long.parseLong(words[2]),
                    Integer.parseInt(words[3]), Long.parseLong(words[4], 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Squid cursor: " + text, e);
        }
    }
}
