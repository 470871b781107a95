package eu.taskforce.platform.diff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One piece of a text compared with another: read in order, EQUAL, DELETE and SKIP pieces give the earlier text, EQUAL,
 * INSERT and SKIP pieces the later one.
 */
@Schema(name = "DiffSegment", description = "A piece of a word-level comparison. EQUAL: in both texts; DELETE: only in"
        + " the earlier; INSERT: only in the later; SKIP: unchanged text left out (its length only), beyond "
        + TextDiff.CONTEXT + " characters of context around each change")
public record DiffSegment(@Schema(description = "EQUAL, DELETE, INSERT or SKIP") Op op,
                          @Schema(description = "The text of the piece; empty for SKIP") String text,
                          @Schema(description = "Its length in characters (for SKIP: of the text left out)") int length) {

    public enum Op { EQUAL, DELETE, INSERT, SKIP }

    static DiffSegment of(Op op, String text) {
        return new DiffSegment(op, text, text.length());
    }

    static DiffSegment skip(int length) {
        return new DiffSegment(Op.SKIP, "", length);
    }
}
