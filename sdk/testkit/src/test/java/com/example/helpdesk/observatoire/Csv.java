package com.example.helpdesk.observatoire;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV with another separator: quoted fields may hold separators, quotes ("") and line breaks. Empty lines
 * are skipped.
 */
final class Csv {
    private Csv() {
    }

    static List<List<String>> parse(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                addUnlessEmpty(rows, row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            addUnlessEmpty(rows, row);
        }
        return rows;
    }

    private static void addUnlessEmpty(List<List<String>> rows, List<String> row) {
        if (row.size() > 1 || !row.get(0).isBlank()) {
            rows.add(row);
        }
    }
}
