package fr.observatoire.ia.plugin.cmis;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CMIS QL the way a CMIS server does, as far as quoting goes: outside a literal, a quote opens one; inside,
 * a backslash takes the next character as it is and a quote closes it. Written independently of {@link CmisQl}.
 *
 * @param literals the string literals, unescaped, in order
 * @param skeleton the query with each literal replaced by {@code ?}
 */
record QlLexer(List<String> literals, String skeleton) {

    static QlLexer read(String query) {
        List<String> literals = new ArrayList<>();
        StringBuilder skeleton = new StringBuilder();
        StringBuilder literal = null;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (literal == null) {
                if (c == '\'') {
                    literal = new StringBuilder();
                    skeleton.append('?');
                } else {
                    skeleton.append(c);
                }
            } else if (c == '\\') {
                if (++i == query.length()) {
                    throw new IllegalArgumentException("a backslash ends the query");
                }
                literal.append(query.charAt(i));
            } else if (c == '\'') {
                literals.add(literal.toString());
                literal = null;
            } else {
                literal.append(c);
            }
        }
        if (literal != null) {
            throw new IllegalArgumentException("a literal is never closed");
        }
        return new QlLexer(literals, skeleton.toString());
    }
}
