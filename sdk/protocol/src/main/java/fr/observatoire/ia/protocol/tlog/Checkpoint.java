package fr.observatoire.ia.protocol.tlog;

import java.util.Base64;

/**
 * A C2SP tlog-checkpoint: the log's origin line, its size and its RFC 9162 root hash. The observatory
 * signs its text as a signed note.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {
    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is >= 0");
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: {@code origin\nsize\nbase64(root)\n}. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Parses checkpoint text (extension lines after the root are allowed and ignored). */
    public static Checkpoint parse(String text) throws NoteException {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new NoteException("a checkpoint is at least three lines (origin, size, root), each ending with a newline");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new NoteException("the checkpoint size '" + lines[1] + "' is not a number");
        }
        if (size < 0 || !lines[1].equals(Long.toString(size))) {
            throw new NoteException("the checkpoint size '" + lines[1] + "' is not a canonical non-negative decimal");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException("the checkpoint root is not base64");
        }
        if (root.length != 32) {
            throw new NoteException("the checkpoint root is not 32 bytes");
        }
        return new Checkpoint(lines[0], size, root);
    }

    /** Verifies a signed checkpoint with the log's key and parses it. */
    public static Checkpoint verify(String signedNote, NoteVerifier logKey) throws NoteException {
        return parse(logKey.verify(signedNote));
    }
}
