package fr.observatoire.ia.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file of signed checkpoints written one after another (as an auditor collects them). A signed note is
 * its text lines, a blank line, then signature lines starting with an em dash; the next note starts at the first
 * non-blank line that is not a signature.
 */
final class SignedNotes {
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private SignedNotes() {
    }

    static List<String> split(String text) {
        List<String> notes = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        boolean inSignatures = false;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (inSignatures && !line.startsWith(SIGNATURE_PREFIX)) {
                notes.add(note.toString());
                note.setLength(0);
                inSignatures = false;
            }
            if (line.isEmpty() && note.length() == 0) {
                continue;
            }
            if (line.isEmpty() && !inSignatures) {
                inSignatures = true;
            }
            note.append(line).append('\n');
        }
        if (note.length() > 0) {
            // Also an unfinished note: it is reported as not verifying rather than silently dropped.
            notes.add(note.toString());
        }
        return notes;
    }
}
