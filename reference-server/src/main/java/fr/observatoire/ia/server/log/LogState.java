package fr.observatoire.ia.server.log;

/** The head of the log as locked by an append: the latest checkpoint's size and root, and the log's origin (null before the first checkpoint). */
record LogState(long size, byte[] root, String origin) {
}
