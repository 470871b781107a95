package eu.taskforce.transparency.query;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells when the register may have changed, in every instance: the database notifies the channel
 * {@value #CHANNEL} when a transaction that changed what the public lists show commits (triggers of migration V7), and
 * this bean listens on a connection of its own, outside the pool. Each notification, each (re)connection and each loss
 * of the connection moves {@link #version()}; what was read before belongs to an older version. While the connection
 * is lost, {@link #listening()} is false: nothing may be served from a cache then, since a change would go unseen.
 */
@ApplicationScoped
public class RegisterChanges {

    static final String CHANNEL = "register_changed";
    /** The listening connection's name in pg_stat_activity. */
    public static final String APPLICATION_NAME = "transparency-register-changes";
    /** Without a notification for this long, the connection is checked: a silently lost one is found within it. */
    private static final int CHECK_MILLIS = 2_000;
    private static final long RETRY_MILLIS = 1_000;
    private static final Logger LOG = Logger.getLogger(RegisterChanges.class);

    private final String url;
    private final String user;
    private final String password;
    private final AtomicLong version = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile Connection connection;
    private Thread listener;

    public RegisterChanges(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                           @ConfigProperty(name = "quarkus.datasource.username") String user,
                           @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Moves with every change of the register that this instance was told of, and with every loss of the connection. */
    public long version() {
        return version.get();
    }

    /** True while every change of the register reaches this instance. */
    public boolean listening() {
        return listening;
    }

    void start(@Observes StartupEvent start) {
        listener = new Thread(this::listen, "register-changes");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        listening = false;
        closeQuietly(connection); // wakes the listener if it waits on the socket
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        boolean warned = false;
        while (!stopped) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // what was read while no one listened may be stale: a new version, then serve from the cache again
                version.incrementAndGet();
                this.listening = true;
                if (warned) {
                    LOG.info("Listening to the register's changes again; public lists are served from the cache");
                    warned = false;
                }
                awaitNotifications(listening);
            } catch (SQLException e) {
                if (!stopped && !warned) {
                    LOG.warnf("Not listening to the register's changes (%s): public lists are read from the database "
                            + "until the connection is back", e.getMessage());
                    warned = true;
                }
            } finally {
                this.listening = false;
                version.incrementAndGet();
            }
            sleep(RETRY_MILLIS);
        }
    }

    private void awaitNotifications(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        while (!stopped) {
            PGNotification[] notifications = postgres.getNotifications(CHECK_MILLIS);
            if (notifications != null && notifications.length > 0) {
                version.incrementAndGet();
            } else if (!listening.isValid(CHECK_MILLIS / 1000)) {
                throw new SQLException("the listening connection does not answer");
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
