package fr.observatoire.ia.protocol.tlog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-proof: a leaf index, its inclusion proof, and the signed checkpoint it proves inclusion
 * in. Text form: {@code c2sp.org/tlog-proof@v1}, {@code index N}, one base64 hash a line, a blank
 * line, then the signed checkpoint.
 */
public record TlogProof(long index, List<byte[]> proof, String signedCheckpoint) {
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        proof = List.copyOf(proof);
    }

    public String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n').append("index ").append(index).append('\n');
        for (byte[] hash : proof) {
            out.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        return out.append('\n').append(signedCheckpoint).toString();
    }

    public static TlogProof parse(String text) throws NoteException {
        int blank = text.indexOf("\n\n");
        if (!text.startsWith(HEADER + "\n") || blank < 0) {
            throw new NoteException("a tlog proof starts with '" + HEADER + "' and has a blank line before its checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n");
        if (lines.length < 2 || !lines[1].startsWith("index ")) {
            throw new NoteException("the second line of a tlog proof is 'index N'");
        }
        long index;
        try {
            index = Long.parseLong(lines[1].substring("index ".length()));
        } catch (NumberFormatException e) {
            throw new NoteException("the tlog proof index is not a number");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            try {
                hashes.add(Base64.getDecoder().decode(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new NoteException("line " + (i + 1) + " of the tlog proof is not a base64 hash");
            }
        }
        return new TlogProof(index, hashes, text.substring(blank + 2));
    }
}
