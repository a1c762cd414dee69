package fr.observatoire.ia.sdk;

import java.util.List;

/**
 * The configuration cannot work. Thrown when the SDK is built, never later: each problem names the
 * configuration key at fault and says what is expected, so a DSI can fix it without reading code.
 */
public class InvalidConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** One sentence per problem, each starting with the key at fault. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "Invalid observatory SDK configuration: " + problems.get(0);
        }
        return "Invalid observatory SDK configuration (" + problems.size() + " problems):\n - " + String.join("\n - ", problems);
    }
}
