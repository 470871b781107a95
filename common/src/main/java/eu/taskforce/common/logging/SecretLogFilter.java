package eu.taskforce.common.logging;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The last line of defence for {@link SecretRedaction}: our own log lines redact what they quote, but a library's
 * message may quote a request's URI (Vert.x's client names it in a timeout, Quarkus's error handler in an unhandled
 * failure). Linked to the console and file handlers by {@code quarkus.log.*.filter} (in the gateway's configuration
 * and the platform's defaults); it rewrites the message, never drops a line. The stack trace of a logged exception is
 * not rewritten.
 */
@LoggingFilter(name = SecretLogFilter.NAME)
public final class SecretLogFilter implements Filter {

    public static final String NAME = "secrets";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            String redacted = SecretRedaction.text(message);
            if (redacted != null && !redacted.equals(message)) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }
}
