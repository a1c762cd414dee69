package fr.observatoire.ia.plugin.squid;

/** Told how far a scan has gone, every few megabytes and at the end; for a progress bar on a large log. */
@FunctionalInterface
public interface ScanProgress {
    ScanProgress NONE = (done, total) -> { };

    /**
     * @param bytesDone  bytes of the file read so far (compressed bytes for a .gz)
     * @param bytesTotal size of the file when the scan started
     */
    void progress(long bytesDone, long bytesTotal);
}
