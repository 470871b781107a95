package eu.taskforce.common.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test-only: the records logged while it is open, each with its MDC as it was when logged (request id, trace id).
 * Use it in try-with-resources, so that the handler leaves the root logger whatever the test does.
 */
public final class LogRecords implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogRecords() {
    }

    public static LogRecords capture() {
        LogRecords capture = new LogRecords();
        Logger.getLogger("").addHandler(capture.handler);
        return capture;
    }

    /** What was logged so far, in order; it goes on growing while the capture is open. */
    public List<ExtLogRecord> all() {
        return records;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
