package fr.observatoire.ia.server.log;

import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;

/**
 * The numbers of a proof or entries request, checked against the log's current size, each refusal
 * saying which number is wrong and why. Taken as text so that a non-number is our 400, not the
 * framework's 404.
 */
final class LogRanges {
    static final int DEFAULT_ENTRIES = 100;
    static final int MAX_ENTRIES = 1000;

    private LogRanges() {
    }

    /** {@code (index, size)} of an inclusion proof; {@code size} defaults to the tree size. */
    static long[] inclusion(String indexText, String sizeText, long treeSize) {
        long size = size("size", sizeText, treeSize);
        long index = required("index", indexText);
        if (index < 0) {
            throw invalid("'index' must be >= 0, was " + index);
        }
        if (index >= size) {
            throw invalid("'index' " + index + " is not a leaf of the tree of size " + size + " (leaves are 0 to " + (size - 1) + ")");
        }
        return new long[]{index, size};
    }

    /** {@code (from, to)} of a consistency proof; {@code to} defaults to the tree size. */
    static long[] consistency(String fromText, String toText, long treeSize) {
        long to = size("to", toText, treeSize);
        long from = required("from", fromText);
        if (from <= 0) {
            throw invalid("'from' must be >= 1, was " + from + " (a proof from the empty tree proves nothing)");
        }
        if (from > to) {
            throw invalid("'from' (" + from + ") must not be larger than 'to' (" + to + ")");
        }
        return new long[]{from, to};
    }

    /** {@code (start, limit)} of an entries page. */
    static long[] entries(String startText, String limitText) {
        long start = startText == null || startText.isEmpty() ? 0 : number("start", startText);
        if (start < 0) {
            throw invalid("'start' must be >= 0, was " + start);
        }
        long limit = limitText == null || limitText.isEmpty() ? DEFAULT_ENTRIES : number("limit", limitText);
        if (limit < 1 || limit > MAX_ENTRIES) {
            throw invalid("'limit' must be from 1 to " + MAX_ENTRIES + ", was " + limit);
        }
        return new long[]{start, limit};
    }

    private static long size(String name, String text, long treeSize) {
        long size = text == null || text.isEmpty() ? treeSize : number(name, text);
        if (size <= 0) {
            throw invalid(text == null || text.isEmpty() ? "the log is empty: there is no tree to prove anything in"
                    : "'" + name + "' must be >= 1, was " + size);
        }
        if (size > treeSize) {
            throw new ApiProblem(ProblemType.BEYOND_LOG_SIZE, "'" + name + "' " + size + " is beyond the log, whose tree has "
                    + treeSize + " leaves; if this log signed a checkpoint of that size, it has lost entries: keep that checkpoint as evidence");
        }
        return size;
    }

    private static long required(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw invalid("'" + name + "' is required");
        }
        return number(name, text);
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid("'" + name + "' must be a whole number, was '" + text + "'");
        }
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(ProblemType.INVALID_LOG_RANGE, detail);
    }
}
