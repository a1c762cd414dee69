package fr.observatoire.ia.server.web;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;

/**
 * {@code limit} and {@code offset} of a list, taken as text so that a bad value is a 400 problem that
 * names it (JAX-RS would turn an unparsable query parameter into a 404).
 */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public static Paging of(String limit, String offset) {
        return new Paging(parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), parse("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    private static int parse(String name, String text, int absent, int min, int max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiProblem(ProblemType.INVALID_PARAMETER,
                "'" + name + "' must be an integer from " + min + " to " + max + ", was '" + text + "'");
    }
}
