package eu.taskforce.guidance.service;

import java.util.LinkedHashSet;
import java.util.List;

/** References to the Code's commitments and measures, as stored: stripped, without duplicates, in the given order. */
public final class CodeReferences {

    public static List<String> normalise(List<String> references) {
        return references == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(references.stream().map(String::strip).toList()));
    }

    private CodeReferences() {
    }
}
