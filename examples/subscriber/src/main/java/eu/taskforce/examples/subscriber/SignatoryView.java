package eu.taskforce.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the example subscriber keeps: the signatories of the Code, and the representatives of member organisations with
 * the commitments to their names (and a name only while it may be shown).
 * <p>
 * <b>Order.</b> The events of one aggregate share a Kafka key and so a partition, where they are in the order they were
 * published. A redelivery can still bring an older event after a newer one; the events that carry a whole state
 * (signatory registered or updated, representative appointed or updated) are applied only when they are not older
 * ({@code ce_time}) than the state held. Withdrawals and erasures are always applied, whatever their time.
 * <p>
 * <b>Personal data.</b> Events carry a person's name only as a commitment ({@code sha256:...}); the name itself is
 * served by the public register ({@code GET /api/v1/public/register/disclosures/{commitment}}) while the person
 * consents. A subscriber that shows names keeps them with {@link #resolved} and must forget them on
 * {@code personal-data-withdrawn}, {@code representative-erased} and {@code stakeholder-erased}: the value goes, the
 * commitment may stay (it says nothing about the person once the value is gone), and a value for a withdrawn
 * commitment is never taken again.
 */
public final class SignatoryView {

    /** A signatory as last published. */
    public record Signatory(String id, String name, String country, List<String> chapters, String withdrawnOn,
                            OffsetDateTime asOf) {
    }

    /** A representative: organisation, role, the commitment to the name (null without consent). */
    public record Representative(String id, String organisationId, String role, String nameCommitment,
                                 OffsetDateTime asOf) {
    }

    private final Map<String, Signatory> signatories = new HashMap<>();
    private final Map<String, Representative> representatives = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> withdrawn = new HashSet<>();

    /**
     * Applies an event whose data fits its schema. False when it was ignored as older than the state held.
     */
    public boolean apply(String type, OffsetDateTime time, JsonNode data) {
        String name = type.substring(0, type.lastIndexOf('.'));
        switch (name) {
            case "eu.taskforce.membership.signatory-registered", "eu.taskforce.membership.signatory-updated" -> {
                String id = data.get("signatoryId").asText();
                Signatory held = signatories.get(id);
                if (held != null && held.asOf().isAfter(time)) {
                    return false;
                }
                List<String> chapters = new ArrayList<>();
                data.get("chapters").forEach(c -> chapters.add(c.asText()));
                signatories.put(id, new Signatory(id, data.get("name").asText(), text(data, "country"),
                        List.copyOf(chapters), held == null ? null : held.withdrawnOn(), time));
            }
            case "eu.taskforce.membership.signature-withdrawn" -> {
                String id = data.get("signatoryId").asText();
                Signatory held = signatories.get(id);
                if (held != null) {
                    signatories.put(id, new Signatory(id, held.name(), held.country(), held.chapters(),
                            data.get("withdrawnOn").asText(), held.asOf()));
                }
            }
            case "eu.taskforce.membership.representative-appointed",
                 "eu.taskforce.membership.representative-updated" -> {
                String id = data.get("representativeId").asText();
                Representative held = representatives.get(id);
                if (held != null && held.asOf().isAfter(time)) {
                    return false;
                }
                JsonNode publicName = data.path("publicName");
                String commitment = publicName.isObject() ? publicName.get("commitment").asText() : null;
                if (held != null && held.nameCommitment() != null && !held.nameCommitment().equals(commitment)) {
                    names.remove(held.nameCommitment()); // consent ended or the name changed: the old value goes
                }
                representatives.put(id, new Representative(id, data.get("organisationId").asText(),
                        data.get("role").asText(), commitment, time));
            }
            case "eu.taskforce.membership.representative-removed" ->
                    representatives.remove(data.get("representativeId").asText());
            case "eu.taskforce.membership.personal-data-withdrawn" -> forget(data.get("commitments"));
            case "eu.taskforce.membership.representative-erased" -> {
                forget(data.get("commitments"));
                representatives.remove(data.get("representativeId").asText());
            }
            case "eu.taskforce.membership.stakeholder-erased" -> forget(data.get("commitments"));
            default -> {
                // the other types are of no interest to this view
            }
        }
        return true;
    }

    private void forget(JsonNode commitments) {
        commitments.forEach(c -> {
            names.remove(c.asText());
            withdrawn.add(c.asText());
        });
    }

    /**
     * Keeps a name that the application fetched from the register for a commitment; refused (false) when the
     * commitment was withdrawn meanwhile or is not one of a representative held.
     */
    public boolean resolved(String commitment, String name) {
        boolean current = representatives.values().stream().anyMatch(r -> commitment.equals(r.nameCommitment()));
        if (withdrawn.contains(commitment) || !current) {
            return false;
        }
        names.put(commitment, name);
        return true;
    }

    public Optional<Signatory> signatory(String id) {
        return Optional.ofNullable(signatories.get(id));
    }

    public Optional<Representative> representative(String id) {
        return Optional.ofNullable(representatives.get(id));
    }

    /** The name of a representative, while it may be shown. */
    public Optional<String> name(String representativeId) {
        return representative(representativeId).map(Representative::nameCommitment).map(names::get);
    }

    public int signatories() {
        return signatories.size();
    }

    public Set<String> withdrawnCommitments() {
        return Set.copyOf(withdrawn);
    }

    private static String text(JsonNode data, String field) {
        return data.path(field).isTextual() ? data.get(field).asText() : null;
    }
}
