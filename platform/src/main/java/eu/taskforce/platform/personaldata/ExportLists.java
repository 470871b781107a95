package eu.taskforce.platform.personaldata;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every list of an export bounded: a query fetches {@link PersonalData#LIST_LIMIT} + 1 rows, newest first, and
 * a list that had more is cut to the limit and named in {@link #truncated()}, so that a client knows it is not whole.
 */
public final class ExportLists {

    private final List<String> truncated = new ArrayList<>();

    public <T> List<T> cap(String name, List<T> rows) {
        if (rows.size() <= PersonalData.LIST_LIMIT) {
            return rows;
        }
        truncated.add(name);
        return List.copyOf(rows.subList(0, PersonalData.LIST_LIMIT));
    }

    /** The names of the lists that held more than the limit. */
    public List<String> truncated() {
        return List.copyOf(truncated);
    }
}
