package fr.observatoire.ia.server.log;

/** The perfect subtree at {@code level} and {@code index}: leaves {@code [index·2^level, (index+1)·2^level)}. */
record NodeKey(int level, long index) {
}
