package eu.taskforce.meeting.service;

import eu.taskforce.platform.problem.Problem;

import java.util.List;

/**
 * A request whose fields are each well-formed but do not fit together or with the reference data (an end before the
 * start, an unknown commitment of the Code...): a 400 validation problem naming the fields, as a Bean Validation
 * failure would be.
 */
public class InvalidInput extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInput(List<Problem.FieldError> errors) {
        super(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Collects field errors and throws them together. */
    public static final class Collector {
        private final java.util.ArrayList<Problem.FieldError> errors = new java.util.ArrayList<>();

        public Collector add(String field, String message) {
            errors.add(new Problem.FieldError(field, message));
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
