package eu.taskforce.notification.service;

import eu.taskforce.notification.config.MailConfig;
import eu.taskforce.notification.domain.MailKind;
import eu.taskforce.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The tokens of the unsubscribe links: {@code base64url(person \n kind) . base64url(HMAC-SHA256)} under the configured
 * key ({@code taskforce.mail.unsubscribe-key}, the same on every instance). Whoever holds an e-mail may turn off that
 * kind for its recipient, and nothing else; a token that does not verify is a 400 problem. They do not expire: an
 * old e-mail's link keeps working, as RFC 8058 expects. Neither the key nor a token is ever logged.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token lets its holder turn off: one kind, or every kind (a digest's link) when null. */
    public record Unsubscription(String person, MailKind kind) {
    }

    private static final String EVERY_KIND = "*";

    private final SecretKeySpec key;

    public UnsubscribeTokens(MailConfig config) {
        byte[] secret = config.unsubscribeKey().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("taskforce.mail.unsubscribe-key must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** A token that turns off {@code kind} for {@code person}, or every kind when {@code kind} is null. */
    public String issue(String person, MailKind kind) {
        byte[] payload = (person + "\n" + (kind == null ? EVERY_KIND : kind.name())).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The unsubscription a token grants; a 400 problem when it is malformed or its signature does not verify. */
    public Unsubscription verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 1000) {
            throw invalid();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                throw invalid();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw invalid();
            }
            return new Unsubscription(parts[0], EVERY_KIND.equals(parts[1]) ? null : MailKind.valueOf(parts[1]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("This unsubscribe link is not valid: copy the whole link from the e-mail");
    }
}
