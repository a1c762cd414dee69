package fr.observatoire.ia.plugin.cmis;

import java.time.Instant;

/**
 * All the plugin keeps of a document: its id and its creation date.
 *
 * @param id        the object id without a version suffix: Alfresco's browser binding answers {@code <uuid>;1.0}
 *                  where its search API answers {@code <uuid>}, and a new version must not read as a new document
 * @param createdAt creation date, to the millisecond
 */
record DocumentRef(String id, Instant createdAt) {

    static DocumentRef of(String objectId, Instant createdAt) {
        int version = objectId.indexOf(';');
        return new DocumentRef(version < 0 ? objectId : objectId.substring(0, version), createdAt);
    }
}
