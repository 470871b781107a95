package eu.taskforce.platform.diff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two versions of a guidance document compared section by section, by stable key: guidance-service serves it to the
 * Taskforce, the public register for published versions, both from this one implementation and in the same shape.
 */
@Schema(name = "VersionDiff", description = "Version toVersion compared with fromVersion, section by section (by"
        + " stable key): the sections of toVersion in order, then those removed since fromVersion")
public record VersionDiff(UUID documentId, int fromVersion, int toVersion,
                          @Schema(description = "True when a changed piece is shown deleted and inserted whole, the"
                                  + " comparison's budget being spent (two very different long versions)")
                          boolean coarse,
                          @Schema(maxItems = 400) List<SectionChange> sections) {

    /** What both services' operations say of the comparison, in their OpenAPI documents. */
    public static final String DESCRIPTION = "Per section key: ADDED, REMOVED, CHANGED (title or text) or UNCHANGED,"
            + " and for each section not unchanged its text compared word by word (lines, then sentences, then words,"
            + " with java-diff-utils), unchanged text beyond " + TextDiff.CONTEXT + " characters of a change left out."
            + " Bounded: a version holds at most 200 sections of 50,000 characters, and a comparison that would take"
            + " too long shows changed pieces whole (coarse). Any two versions may be compared (from may be the later).";

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** A section as a version has it. */
    public record SectionText(String key, String title, String text) {
    }

    @Schema(name = "SectionChange", description = "One section key: ADDED (only in toVersion), REMOVED (only in"
            + " fromVersion), CHANGED (its title or text differ) or UNCHANGED")
    public record SectionChange(String key,
                                @Schema(description = "ADDED, REMOVED, CHANGED or UNCHANGED") Change change,
                                @Schema(description = "1, 2, ... in toVersion; null when removed") Integer position,
                                @Schema(description = "1, 2, ... in fromVersion; null when added") Integer previousPosition,
                                @Schema(description = "In toVersion; null when removed") String title,
                                @Schema(description = "In fromVersion; null when added") String previousTitle,
                                @Schema(description = "The text compared word by word (an added section: one INSERT, a"
                                        + " removed one: one DELETE); null when unchanged")
                                List<DiffSegment> segments) {
    }

    /** Compares the sections of two versions with one {@link TextDiff} (one budget for the whole comparison). */
    public static VersionDiff compare(UUID documentId, int fromVersion, List<SectionText> from, int toVersion,
                                      List<SectionText> to) {
        TextDiff diff = new TextDiff();
        Map<String, Integer> earlier = new LinkedHashMap<>();
        for (int i = 0; i < from.size(); i++) {
            earlier.put(from.get(i).key(), i);
        }
        List<SectionChange> changes = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            SectionText now = to.get(i);
            Integer before = earlier.remove(now.key());
            if (before == null) {
                changes.add(new SectionChange(now.key(), Change.ADDED, i + 1, null, now.title(), null,
                        List.of(DiffSegment.of(DiffSegment.Op.INSERT, now.text()))));
                continue;
            }
            SectionText then = from.get(before);
            boolean same = then.text().equals(now.text()) && then.title().equals(now.title());
            changes.add(new SectionChange(now.key(), same ? Change.UNCHANGED : Change.CHANGED, i + 1, before + 1,
                    now.title(), then.title(), same ? null : diff.diff(then.text(), now.text())));
        }
        earlier.forEach((key, before) -> changes.add(new SectionChange(key, Change.REMOVED, null, before + 1, null,
                from.get(before).title(), List.of(DiffSegment.of(DiffSegment.Op.DELETE, from.get(before).text())))));
        return new VersionDiff(documentId, fromVersion, toVersion, diff.coarse(), changes);
    }
}
