package eu.taskforce.platform.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The base of a service's authorization matrix test whose callers act for the current members A and B: each test method
 * fills its own {@link #matrix} (one method's mismatches never turn another red); every method's summary is printed
 * once the class has run.
 */
public abstract class AuthorizationMatrixTestBase extends CurrentMembersTest {

    private static final List<String> SUMMARIES = new CopyOnWriteArrayList<>();

    protected final AuthorizationMatrix matrix = new AuthorizationMatrix();

    @AfterEach
    protected void keepSummary() {
        SUMMARIES.add(matrix.summary());
    }

    @AfterAll
    static void printSummaries() {
        System.out.println(String.join(System.lineSeparator(), SUMMARIES));
        SUMMARIES.clear();
    }
}
