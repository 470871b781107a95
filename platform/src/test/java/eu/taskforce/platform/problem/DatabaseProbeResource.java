package eu.taskforce.platform.problem;

import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test-only: requests whose database connection is lost while they use it, as when PostgreSQL restarts. */
@Path("/platform-test/database")
@Produces(MediaType.TEXT_PLAIN)
public class DatabaseProbeResource {

    private final AgroalDataSource dataSource;

    public DatabaseProbeResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The server ends this request's own backend, as a database shutdown does to every connection. */
    @POST
    @Path("lost")
    @Transactional
    public String connectionLost() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
            statement.execute("SELECT 1");
            return "the connection survived";
        }
    }

    @GET
    @Transactional
    public String answer() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 41 + 1")) {
            result.next();
            return Integer.toString(result.getInt(1));
        }
    }
}
