package fr.observatoire.ia.plugin.cmis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one statement the plugin sends, in its variants: the whole repository or one folder tree, from a lower bound.
 * It selects only the object id and the creation date: never a name, a title, a description or a creator.
 *
 * @param marker what makes a document count
 * @param until  exclusive upper bound on the creation date, fixed for a whole pull so that every query of the
 *               pull sees the same window
 */
record DocumentQuery(Marker marker, Instant until) {

    /**
     * @param from     inclusive lower bound on the creation date, or null for none; inclusive because documents
     *                 sharing the cursor's millisecond may not all have been seen (see {@link CreationScan})
     * @param folderId the folder whose tree to restrict to, or empty for the whole repository
     */
    String select(Instant from, Optional<String> folderId) {
        String created = marker.documentColumn("cmis:creationDate");
        List<String> conditions = new ArrayList<>(marker.conditions());
        folderId.ifPresent(id -> conditions.add(marker.inTree(id)));
        if (from != null) {
            conditions.add(created + " >= " + CmisQl.timestamp(from));
        }
        conditions.add(created + " < " + CmisQl.timestamp(until));
        return "SELECT " + marker.documentColumn("cmis:objectId") + ", " + created + " FROM " + marker.fromClause()
                + " WHERE " + String.join(" AND ", conditions) + " ORDER BY " + created + " ASC";
    }
}
