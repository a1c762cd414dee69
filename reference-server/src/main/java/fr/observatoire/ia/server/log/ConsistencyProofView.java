package fr.observatoire.ia.server.log;

import java.util.List;

/** RFC 9162 consistency proof: the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves. Hashes in base64. */
public record ConsistencyProofView(long from, long to, List<String> proof) {
}
