package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginException;

/** Finds a configured folder in the repository. */
interface FolderLookup {

    MappedFolder resolve(FolderRule rule) throws PluginException;

    /**
     * A configured folder as the repository knows it.
     *
     * @param id    its objectId, which {@code IN_TREE} takes
     * @param depth how many folders down from the root it is: the deeper of two folders holding a document wins
     * @param rule  the rule that named it
     */
    record MappedFolder(String id, int depth, FolderRule rule) {
    }
}
