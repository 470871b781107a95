package eu.taskforce.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON array (or object) in a request holds more entries than the {@code @Size(max)} of its property allows. A
 * MismatchedInputException, as Quarkus REST passes those on to the exception mappers as they are.
 */
public class OversizedContainerException extends MismatchedInputException {

    private final int max;

    OversizedContainerException(JsonParser parser, int max) {
        super(parser, "must have at most " + max + " items");
        this.max = max;
    }

    public int max() {
        return max;
    }
}
