package eu.taskforce.platform.testing;

import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;

/**
 * The services' authorization matrices: each operation is called as each actor, in the order written (the permitted
 * caller last where the call changes state), and every status that differs from the expected one, or a refusal that is
 * not problem+json, is collected, so that one run reports all mismatches together.
 */
public final class AuthorizationMatrix {

    public static final Map<Actors, Integer> ANYONE_SIGNED_IN = cells(ANONYMOUS, 401, MEMBER_A, 200, MEMBER_B, 200,
            EXPERT, 200, OFFICE, 200);

    private final List<String> mismatches = new ArrayList<>();
    private int cells;
    private int operations;

    /** Expected statuses per actor, in the order they are called. */
    public static Map<Actors, Integer> cells(Object... actorsAndStatuses) {
        Map<Actors, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < actorsAndStatuses.length; i += 2) {
            map.put((Actors) actorsAndStatuses[i], (Integer) actorsAndStatuses[i + 1]);
        }
        return map;
    }

    /** Denied to everyone but the AI Office, which gets {@code status}; the AI Office is called last. */
    public static Map<Actors, Integer> officeOnly(int status) {
        return cells(ANONYMOUS, 401, MEMBER_A, 403, MEMBER_B, 403, EXPERT, 403, OFFICE, status);
    }

    public static Function<Actors, Response> get(String path) {
        return actor -> actor.request().get(path);
    }

    public static Function<Actors, Response> post(String path, Object body) {
        return actor -> body == null ? actor.request().post(path) : actor.request().body(body).post(path);
    }

    public static Function<Actors, Response> put(String path, Object body) {
        return actor -> actor.request().body(body).put(path);
    }

    public static Function<Actors, Response> putText(String path, String text) {
        return actor -> actor.request().contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8)).put(path);
    }

    /** Calls the operation as each actor and records every status that differs from the expected one. */
    public void expect(String operation, Map<Actors, Integer> expected, Function<Actors, Response> call) {
        operations++;
        expected.forEach((actor, status) -> {
            cells++;
            Response response = call.apply(actor);
            if (response.statusCode() != status) {
                mismatches.add(operation + " as " + actor + ": " + response.statusCode() + " (expected " + status
                        + ") " + response.asString());
            } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                mismatches.add(operation + " as " + actor + ": " + status + " is not problem+json");
            }
        });
    }

    /** A cell that is not a status, for example whether a field is shown to an actor. */
    public void check(String cell, boolean holds, String detail) {
        cells++;
        if (!holds) {
            mismatches.add(cell + ": " + detail);
        }
    }

    public List<String> mismatches() {
        return mismatches;
    }

    public String summary() {
        return "Authorization matrix: " + operations + " operations, " + cells + " cells checked";
    }
}
