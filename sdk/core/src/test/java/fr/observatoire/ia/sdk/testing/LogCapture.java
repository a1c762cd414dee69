package fr.observatoire.ia.sdk.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The SDK's log records (System.Logger reaches java.util.logging when the host installs no other finder). */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger("fr.observatoire.ia.sdk");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        LOGGER.addHandler(this);
    }

    /** Messages logged at SEVERE (System.Logger's ERROR). */
    public List<String> errors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
