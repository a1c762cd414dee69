package fr.observatoire.ia.protocol.merkle;

/**
 * Where a log keeps the hashes of its perfect subtrees: the subtree at {@code level} and {@code index}
 * covers leaves {@code [index·2^level, (index+1)·2^level)}. Level 0 holds the leaf hashes. Every hash
 * a proof needs is a combination of such subtrees, so a log stores each once, when it becomes complete.
 */
public interface SubtreeHashes {
    byte[] get(int level, long index);
}
