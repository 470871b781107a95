package eu.taskforce.platform.api;

import eu.taskforce.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cursors and pages, without a server: what a client sends back is what was issued, and a tampered cursor is a 400. */
class CursorAndPageTest {

    static final String TAMPERED = "The cursor is not one this API issued; start again without it";

    static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static void refused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(TAMPERED);
        });
    }

    @Test
    void aCursorIsItsSortKeyUrlSafeAndWithoutPadding() {
        String cursor = Cursor.encode("2026-01-30T09:00:00Z", "id?/+");
        assertThat(cursor).isEqualTo(base64("2026-01-30T09:00:00Z\u001fid?/+")).doesNotContain("=", "+", "/");
        assertThat(Cursor.decode(cursor, 2)).containsExactly("2026-01-30T09:00:00Z", "id?/+");
        assertThat(Cursor.decode(Cursor.encode("only"), 1)).containsExactly("only");
        // empty parts are kept, so the count is checked on what was encoded
        assertThat(Cursor.decode(Cursor.encode("a", ""), 2)).containsExactly("a", "");
    }

    @Test
    void aCursorWithAnotherNumberOfPartsIsRefused() {
        refused(() -> Cursor.decode(Cursor.encode("a", "b"), 1));
        refused(() -> Cursor.decode(Cursor.encode("a", "b"), 3));
        refused(() -> Cursor.decode(Cursor.encode("a", ""), 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%", "a"})
    void aCursorThatIsNotBase64IsRefused(String cursor) {
        refused(() -> Cursor.decode(cursor, 1));
    }

    @Test
    void aCursorHoldingANulCharacterIsRefused() {
        refused(() -> Cursor.decode(base64("a\u0000b"), 1));
        refused(() -> Cursor.decode(base64("a\u001f\u0000"), 2));
        refused(() -> Cursor.decode(base64("\u0000\u001fb"), 2));
    }

    @Test
    void timestampAndIdPartsAreParsedOrRefused() {
        assertThat(Cursor.timestamp("2026-01-30T09:00:00Z")).isEqualTo(OffsetDateTime.parse("2026-01-30T09:00:00Z"));
        refused(() -> Cursor.timestamp("yesterday"));
        refused(() -> Cursor.timestamp("+10000-01-01T00:00:00Z")); // PostgreSQL cannot store it
        UUID id = UUID.randomUUID();
        assertThat(Cursor.uuid(id.toString())).isEqualTo(id);
        refused(() -> Cursor.uuid("not-a-uuid"));
    }

    @Test
    void aPageShowsAtMostTheLimitAndPointsAfterItsLastItem() {
        Page<String> page = Page.of(List.of(1, 2, 3), 2, n -> "item " + n, n -> "after " + n);
        assertThat(page.items()).containsExactly("item 1", "item 2");
        assertThat(page.nextCursor()).isEqualTo("after 2");
    }

    @Test
    void theLastPageHasNoNextCursor() {
        Page<String> full = Page.of(List.of(1, 2), 2, n -> "item " + n, n -> "after " + n);
        assertThat(full.items()).containsExactly("item 1", "item 2");
        assertThat(full.nextCursor()).isNull();
        Page<String> shorter = Page.of(List.of(1), 2, n -> "item " + n, n -> "after " + n);
        assertThat(shorter.items()).containsExactly("item 1");
        assertThat(shorter.nextCursor()).isNull();
        assertThat(Page.of(List.<Integer>of(), 2, n -> "item " + n, n -> "after " + n).items()).isEmpty();
    }
}
