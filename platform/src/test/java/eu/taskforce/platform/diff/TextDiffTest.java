package eu.taskforce.platform.diff;

import eu.taskforce.platform.diff.DiffSegment.Op;
import eu.taskforce.platform.diff.VersionDiff.Change;
import eu.taskforce.platform.diff.VersionDiff.SectionText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void aChangedWordIsShownAsThatWordDeletedAndInserted() {
        List<DiffSegment> diff = new TextDiff().diff("Providers shall document the model.\nSecond line.",
                "Providers should document the model.\nSecond line.");

        assertThat(diff).extracting(DiffSegment::op, DiffSegment::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Op.EQUAL, "Providers "),
                org.assertj.core.groups.Tuple.tuple(Op.DELETE, "shall"),
                org.assertj.core.groups.Tuple.tuple(Op.INSERT, "should"),
                org.assertj.core.groups.Tuple.tuple(Op.EQUAL, " document the model.\nSecond line."));
    }

    @Test
    void bothTextsCanBeReadBackFromThePieces() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            String before = prose(random, 80);
            String after = edited(random, before);
            List<DiffSegment> diff = new TextDiff().diff(before, after);
            if (diff.stream().noneMatch(s -> s.op() == Op.SKIP)) {
                assertThat(text(diff, Op.INSERT)).isEqualTo(before);
                assertThat(text(diff, Op.DELETE)).isEqualTo(after);
            }
            assertThat(diff).allMatch(s -> s.length() == (s.op() == Op.SKIP ? s.length() : s.text().length()));
        }
    }

    @Test
    void unchangedTextFarFromAChangeIsLeftOutButCounted() {
        String unchanged = "a".repeat(5000);
        List<DiffSegment> diff = new TextDiff().diff(unchanged + " old end", unchanged + " new end");

        assertThat(diff.get(0).op()).isEqualTo(Op.SKIP);
        assertThat(diff.get(0).length() + diff.get(1).length()).isEqualTo(5001);
        assertThat(diff.get(1).text()).hasSize(TextDiff.CONTEXT);
    }

    @Test
    void twoMaximalVersionsWithNothingInCommonCompareWithinTheBudget() {
        List<SectionText> from = new ArrayList<>();
        List<SectionText> to = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            from.add(new SectionText("s" + i, "Title", oneCharacterLines(random, 50_000)));
            to.add(new SectionText("s" + i, "Title", oneCharacterLines(random, 50_000)));
        }
        long started = System.nanoTime();
        VersionDiff diff = VersionDiff.compare(UUID.randomUUID(), 1, from, 2, to);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(diff.coarse()).isTrue();
        assertThat(millis).as("a bound, not a benchmark").isLessThan(20_000);
        long characters = diff.sections().stream().flatMap(s -> s.segments().stream()).mapToLong(s -> s.text().length()).sum();
        assertThat(characters).isLessThanOrEqualTo(200 * 100_000L);
    }

    @Test
    void sectionsAreAddedRemovedChangedOrUnchangedByKey() {
        VersionDiff diff = VersionDiff.compare(UUID.randomUUID(), 1,
                List.of(new SectionText("scope", "Scope", "All providers."),
                        new SectionText("old", "Old", "Gone soon."),
                        new SectionText("same", "Same", "Stays.")),
                2,
                List.of(new SectionText("same", "Same", "Stays."),
                        new SectionText("scope", "Scope of the guidelines", "All providers of models."),
                        new SectionText("new", "New", "Fresh text.")));

        assertThat(diff.sections()).extracting(VersionDiff.SectionChange::key, VersionDiff.SectionChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("same", Change.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple("scope", Change.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("new", Change.ADDED),
                        org.assertj.core.groups.Tuple.tuple("old", Change.REMOVED));
        VersionDiff.SectionChange scope = diff.sections().get(1);
        assertThat(scope.previousTitle()).isEqualTo("Scope");
        assertThat(scope.position()).isEqualTo(2);
        assertThat(scope.previousPosition()).isEqualTo(1);
        assertThat(scope.segments()).extracting(DiffSegment::op).containsExactly(Op.EQUAL, Op.INSERT, Op.EQUAL);
        assertThat(diff.sections().get(0).segments()).isNull();
        assertThat(diff.sections().get(3).segments()).containsExactly(new DiffSegment(Op.DELETE, "Gone soon.", 10));
        assertThat(diff.coarse()).isFalse();
    }

    /** The text the pieces spell, leaving out those of one kind. */
    private static String text(List<DiffSegment> diff, Op without) {
        return diff.stream().filter(s -> s.op() != without).map(DiffSegment::text).collect(Collectors.joining());
    }

    private static String prose(Random random, int words) {
        String[] vocabulary = {"the", "model", "provider", "shall", "document", "risk", "evaluation", "and", "of",
                "systemic", "measures", "before", "placing", "it", "on", "market"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]);
            text.append(random.nextInt(12) == 0 ? ". " : random.nextInt(20) == 0 ? ".\n" : " ");
        }
        return text.toString();
    }

    private static String edited(Random random, String text) {
        StringBuilder edited = new StringBuilder(text);
        for (int i = 0; i < 4; i++) {
            int at = random.nextInt(edited.length());
            int end = Math.min(edited.length(), at + random.nextInt(30));
            edited.replace(at, end, random.nextBoolean() ? "" : "inserted words ");
        }
        return edited.toString();
    }

    private static String oneCharacterLines(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length - 1) {
            text.append((char) ('a' + random.nextInt(26))).append('\n');
        }
        return text.toString();
    }
}
