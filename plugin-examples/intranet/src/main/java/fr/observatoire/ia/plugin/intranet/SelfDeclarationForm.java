package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the answers posted by the self-declaration form. Every value must be one the form offers: a value that is
 * not (an enum name mistyped by a script, a field sent twice) is an error, never a guess.
 */
final class SelfDeclarationForm {
    /** The cap on the free text of "another tool"; the text is checked, then dropped. */
    static final int OTHER_TOOL_MAX_LENGTH = 100;

    /**
     * The fields of the form: request parameter name and HTML id of the control an error links to (for the tool, the
     * first tool's radio button, which depends on the host's list: see the page).
     */
    enum Field {
        TOOL("tool", null),
        TOOL_OTHER("tool-other", "tool-other-name"),
        PURPOSE("purpose", "purpose"),
        SERVICE("service", "service"),
        FREQUENCY("frequency", "frequency-" + Frequency.values()[0].name()),
        GOVERNANCE("governance", "governance-" + Governance.values()[0].name()),
        OBSTACLES("obstacle", "obstacle-" + Obstacle.values()[0].name()),
        TOKEN("token", "form-top");

        final String param;
        final String htmlId;

        Field(String param, String htmlId) {
            this.param = param;
            this.htmlId = htmlId;
        }
    }

    /** What went wrong with a field; the message keys of the page. */
    enum Problem {
        MISSING, INVALID, TOO_LONG, EXPIRED
    }

    /**
     * The valid answers of a submission (null where a field was missing or invalid, so the page can show them
     * again) and the problems found.
     */
    record Submission(AiTool tool, Purpose purpose, Service service, Frequency frequency, Governance governance,
                      Set<Obstacle> obstacles, Map<Field, Problem> problems) {
        static final Submission EMPTY = new Submission(null, null, null, null, null, Set.of(), Map.of());

        Submission {
            obstacles = Set.copyOf(obstacles);
            problems = problems.isEmpty() ? Map.of() : new EnumMap<>(problems);
        }

        boolean isValid() {
            return problems.isEmpty();
        }

        SelfDeclaration declaration() {
            if (!isValid()) {
                throw new IllegalStateException("a submission with problems is not a declaration: " + problems);
            }
            return new SelfDeclaration(tool, purpose, service, frequency, governance, obstacles);
        }

        Submission withProblem(Field field, Problem problem) {
            Map<Field, Problem> more = new EnumMap<>(Field.class);
            more.putAll(problems);
            more.put(field, problem);
            return new Submission(tool, purpose, service, frequency, governance, obstacles, more);
        }
    }

    private final List<AiTool> tools;

    SelfDeclarationForm(List<AiTool> tools) {
        this.tools = List.copyOf(tools);
    }

    List<AiTool> tools() {
        return tools;
    }

    /** Reads {@code params} (a request's parameter map); the token is checked by the servlet, not here. */
    Submission read(Map<String, String[]> params) {
        Map<Field, Problem> problems = new EnumMap<>(Field.class);
        AiTool tool = single(params, Field.TOOL, problems, this::tool);
        String[] other = params.get(Field.TOOL_OTHER.param);
        if (other != null && other.length > 1) {
            problems.put(Field.TOOL_OTHER, Problem.INVALID);
        } else if (other != null && other.length == 1 && other[0].codePointCount(0, other[0].length()) > OTHER_TOOL_MAX_LENGTH) {
            problems.put(Field.TOOL_OTHER, Problem.TOO_LONG);
        }
        // The free text is only measured: nothing of it goes past this line.
        Purpose purpose = single(params, Field.PURPOSE, problems, s -> Enum.valueOf(Purpose.class, s));
        Service service = single(params, Field.SERVICE, problems, s -> Enum.valueOf(Service.class, s));
        Frequency frequency = single(params, Field.FREQUENCY, problems, s -> Enum.valueOf(Frequency.class, s));
        Governance governance = single(params, Field.GOVERNANCE, problems, s -> Enum.valueOf(Governance.class, s));
        Set<Obstacle> obstacles = EnumSet.noneOf(Obstacle.class);
        for (String value : params.getOrDefault(Field.OBSTACLES.param, new String[0])) {
            try {
                obstacles.add(Enum.valueOf(Obstacle.class, value));
            } catch (IllegalArgumentException e) {
                problems.put(Field.OBSTACLES, Problem.INVALID);
            }
        }
        return new Submission(tool, purpose, service, frequency, governance, obstacles, problems);
    }

    private AiTool tool(String slug) {
        return tools.stream().filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tool"));
    }

    /** The one value of {@code field} read by {@code reader}; a missing, repeated or unreadable value is a problem. */
    private static <T> T single(Map<String, String[]> params, Field field, Map<Field, Problem> problems, Reader<T> reader) {
        String[] values = params.get(field.param);
        if (values == null || values.length == 0 || values.length == 1 && values[0].isBlank()) {
            problems.put(field, Problem.MISSING);
            return null;
        }
        if (values.length > 1) {
            problems.put(field, Problem.INVALID);
            return null;
        }
        try {
            return reader.read(values[0].trim());
        } catch (IllegalArgumentException e) {
            problems.put(field, Problem.INVALID);
            return null;
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(String value);
    }
}
