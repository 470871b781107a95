package eu.taskforce.contracts.membership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The opening of a {@link PersonalField}: the value and the secret salt that make its commitment. Only membership-service
 * makes openings, and it forgets one when consent is withdrawn, the value rectified or the person erased; openings
 * never travel in events.
 *
 * <p>The commitment is {@code "sha256:" + hex(SHA-256(UTF-8(canonical JSON of the opening)))}, the canonical JSON being
 * the RFC 8785 (JCS) form of {@code {"field","ref","salt","value"}}: members in that (sorted) order, no white space,
 * strings escaped as JCS does. A verifier recomputes it with any JCS implementation.
 *
 * @param field the field's name in the event ({@code publicName}, {@code publicFieldOfExpertise})
 * @param ref   the person: the representative's or stakeholder's id
 * @param salt  32 random bytes, base64url without padding, new for every value: without it the commitment of a
 *              guessable name could be found by trying names
 * @param value the value
 */
public record Opening(String field, UUID ref, String salt, String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new opening of {@code value} with a fresh salt. */
    public static Opening of(String field, UUID ref, String value) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return new Opening(field, ref, Base64.getUrlEncoder().withoutPadding().encodeToString(salt), value);
    }

    public String commitment() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What an event carries of this value: its commitment and the person. */
    public PersonalField personalField() {
        return new PersonalField(commitment(), ref);
    }

    /** The JCS form of the opening: its four string members in sorted order. */
    public String canonical() {
        return "{\"field\":" + jcs(field) + ",\"ref\":" + jcs(ref.toString()) + ",\"salt\":" + jcs(salt)
                + ",\"value\":" + jcs(value) + "}";
    }

    /** A JSON string as RFC 8785 writes it: only quote, backslash and control characters escaped. */
    static String jcs(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
