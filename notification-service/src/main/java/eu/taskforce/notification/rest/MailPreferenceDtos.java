package eu.taskforce.notification.rest;

import eu.taskforce.notification.domain.MailFrequency;
import eu.taskforce.notification.domain.MailKind;
import eu.taskforce.notification.service.MailPreferences;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The bodies of the e-mail preferences and the unsubscribe endpoint. */
final class MailPreferenceDtos {

    /** How many kinds there are (a constant for the annotations; MailKindsTest keeps it equal to MailKind). */
    static final int KINDS = 10;

    @Schema(name = "MailPreference", description = "How the person gets one kind of e-mail")
    record Preference(@NotNull MailKind kind, @NotNull MailFrequency frequency) {
    }

    @Schema(name = "MailPreferences", description = "Every kind of e-mail with its frequency: the person's choice, or"
            + " the kind's default until the person chooses (module README, \"E-mail\")")
    record Preferences(@Schema(maxItems = KINDS) List<Preference> preferences,
                       @Schema(description = "When the person last changed them; null while every kind has its default",
                               nullable = true) OffsetDateTime updatedAt) {

        static Preferences of(MailPreferences.Choices choices) {
            return new Preferences(Arrays.stream(MailKind.values())
                    .map(kind -> new Preference(kind, choices.of(kind))).toList(), choices.updatedAt());
        }
    }

    @Schema(name = "MailPreferencesChange", description = "The kinds to change; the others keep their frequency")
    record Change(@NotNull @Size(min = 1, max = KINDS) @Schema(minItems = 1, maxItems = KINDS)
                  List<@Valid @NotNull Preference> preferences) {
    }

    @Schema(name = "Unsubscription", description = "What an unsubscribe link turns off, and whether it is off")
    record Unsubscription(@Schema(description = "The kind of e-mail; null for a digest's link (every kind)",
                                  nullable = true) MailKind kind,
                          @Schema(description = "Whether that kind (every kind, for a digest's link) is off now")
                          boolean off) {
    }

    private MailPreferenceDtos() {
    }
}
