package eu.taskforce.platform.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import eu.taskforce.platform.diff.DiffSegment.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level comparison of prose with java-diff-utils (Myers' algorithm in linear space), refined level by level:
 * lines first, then the sentences of a changed line, then the words of a changed sentence. Prose is edited a few words
 * at a time, and a word-level result reads as tracked changes; the levels keep each comparison small, so that the
 * many-word sections of a guidance document compare quickly.
 * <p>
 * Bounded: each comparison Myers makes costs at most (n + m)² steps for n and m units, and one {@code TextDiff} spends
 * at most its budget on them; a changed piece whose comparison would exceed what is left is shown as deleted and
 * inserted whole ({@link #coarse()} then says so). Unchanged text beyond {@value #CONTEXT} characters around each change
 * is left out (a SKIP piece), so the result is at most both texts' changed parts plus context. Not thread-safe: one per
 * comparison of two versions.
 */
public final class TextDiff {

    /** Characters of unchanged text kept on each side of a change. */
    public static final int CONTEXT = 300;
    /** The default budget: comparing two versions of 200 sections of 50,000 characters stays well under a second. */
    public static final long DEFAULT_BUDGET = 40_000_000L;

    private static final Pattern LINES = Pattern.compile("[^\n]*\n|[^\n]+");
    private static final Pattern SENTENCES = Pattern.compile("[^.!?;:\n]+[.!?;:]*\\s*|[.!?;:]+\\s*|\\s+");
    private static final Pattern WORDS = Pattern.compile("\\w+|\\s+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<Pattern> LEVELS = List.of(LINES, SENTENCES, WORDS);

    private long remaining;
    private boolean coarse;

    public TextDiff() {
        this(DEFAULT_BUDGET);
    }

    public TextDiff(long budget) {
        this.remaining = budget;
    }

    /** True once a changed piece was shown whole because the budget was spent. */
    public boolean coarse() {
        return coarse;
    }

    /** The pieces that turn {@code before} into {@code after}, unchanged text shortened to its context. */
    public List<DiffSegment> diff(String before, String after) {
        List<DiffSegment> pieces = new ArrayList<>();
        compare(before, after, 0, pieces);
        return withContext(merged(pieces));
    }

    private void compare(String before, String after, int level, List<DiffSegment> out) {
        if (level == LEVELS.size()) {
            add(out, Op.DELETE, before);
            add(out, Op.INSERT, after);
            return;
        }
        List<String> a = units(LEVELS.get(level), before);
        List<String> b = units(LEVELS.get(level), after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        add(out, Op.EQUAL, join(a.subList(0, prefix)));
        List<String> middleA = a.subList(prefix, a.size() - suffix);
        List<String> middleB = b.subList(prefix, b.size() - suffix);
        long units = middleA.size() + (long) middleB.size();
        if (middleA.isEmpty() || middleB.isEmpty()) {
            add(out, Op.DELETE, join(middleA));
            add(out, Op.INSERT, join(middleB));
        } else if (middleA.size() == 1 && middleB.size() == 1) {
            compare(middleA.get(0), middleB.get(0), level + 1, out);
        } else if (units * units > remaining) {
            coarse = true;
            add(out, Op.DELETE, join(middleA));
            add(out, Op.INSERT, join(middleB));
        } else {
            remaining -= units * units;
            int at = 0;
            for (AbstractDelta<String> delta : DiffUtils.diff(middleA, middleB, new MyersDiffWithLinearSpace<String>(), null)
                    .getDeltas()) {
                add(out, Op.EQUAL, join(middleA.subList(at, delta.getSource().getPosition())));
                String source = join(delta.getSource().getLines());
                String target = join(delta.getTarget().getLines());
                switch (delta.getType()) {
                    case DELETE -> add(out, Op.DELETE, source);
                    case INSERT -> add(out, Op.INSERT, target);
                    case CHANGE -> compare(source, target, level + 1, out);
                    case EQUAL -> add(out, Op.EQUAL, source);
                }
                at = delta.getSource().getPosition() + delta.getSource().size();
            }
            add(out, Op.EQUAL, join(middleA.subList(at, middleA.size())));
        }
        add(out, Op.EQUAL, join(a.subList(a.size() - suffix, a.size())));
    }

    private static List<String> units(Pattern pattern, String text) {
        List<String> units = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            units.add(m.group());
        }
        return units;
    }

    private static String join(List<String> units) {
        return String.join("", units);
    }

    private static void add(List<DiffSegment> out, Op op, String text) {
        if (!text.isEmpty()) {
            out.add(DiffSegment.of(op, text));
        }
    }

    /** Neighbours of the same kind as one piece; a deletion before the insertion that replaces it. */
    private static List<DiffSegment> merged(List<DiffSegment> pieces) {
        List<DiffSegment> merged = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        StringBuilder equal = new StringBuilder();
        for (DiffSegment piece : pieces) {
            if (piece.op() == Op.EQUAL) {
                flush(merged, Op.DELETE, deleted);
                flush(merged, Op.INSERT, inserted);
                equal.append(piece.text());
            } else {
                flush(merged, Op.EQUAL, equal);
                (piece.op() == Op.DELETE ? deleted : inserted).append(piece.text());
            }
        }
        flush(merged, Op.DELETE, deleted);
        flush(merged, Op.INSERT, inserted);
        flush(merged, Op.EQUAL, equal);
        return merged;
    }

    private static void flush(List<DiffSegment> out, Op op, StringBuilder text) {
        if (!text.isEmpty()) {
            out.add(DiffSegment.of(op, text.toString()));
            text.setLength(0);
        }
    }

    /** Unchanged pieces keep {@value #CONTEXT} characters next to each change; the rest becomes a SKIP. */
    private static List<DiffSegment> withContext(List<DiffSegment> pieces) {
        List<DiffSegment> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            DiffSegment piece = pieces.get(i);
            int keepHead = i > 0 ? CONTEXT : 0;
            int keepTail = i < pieces.size() - 1 ? CONTEXT : 0;
            String text = piece.text();
            if (piece.op() != Op.EQUAL || text.length() <= keepHead + keepTail + CONTEXT) {
                out.add(piece);
                continue;
            }
            int head = boundary(text, keepHead);
            int tail = boundary(text, text.length() - keepTail);
            add(out, Op.EQUAL, text.substring(0, head));
            out.add(DiffSegment.skip(tail - head));
            add(out, Op.EQUAL, text.substring(tail));
        }
        return out;
    }

    /** An index that does not split a surrogate pair. */
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index + 1 : index;
    }
}
