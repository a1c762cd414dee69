package fr.observatoire.ia.server.log;

import java.util.List;

/**
 * RFC 9162 inclusion proof of leaf {@code index} in the tree of {@code size} leaves.
 *
 * @param leafHash base64 of the leaf hash SHA-256(0x00 ‖ data)
 * @param proof    base64 hashes, from the leaf's sibling up to the root
 */
public record InclusionProofView(long index, long size, String leafHash, List<String> proof) {
}
