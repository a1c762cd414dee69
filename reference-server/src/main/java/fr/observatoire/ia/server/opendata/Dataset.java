package fr.observatoire.ia.server.opendata;

import java.util.List;

/**
 * An open dataset: its name (the file name without extension), what it is, its columns and its rows, computed
 * when asked for so that it is never staler than the API.
 */
public interface Dataset {
    String name();

    String title();

    String description();

    List<Field> fields();

    /** One list per row, a value per field in order; null for an empty value. */
    List<List<Object>> rows();
}
