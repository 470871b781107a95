package eu.taskforce.notification.service;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks secrets and signatures, with the reference library ({@code com.standardwebhooks:standardwebhooks}):
 * a secret is {@code whsec_} and the base64 of 32 random bytes; a signature is {@code v1,} and the base64 HMAC-SHA256
 * of {@code id.timestamp.body}. During a rotation's overlap both the new and the previous secret sign, the signatures
 * separated by a space (a receiver accepts the message when one of them verifies).
 */
public final class Signatures {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header: one signature per secret given (nulls left out). */
    public static String sign(String id, long timestampSeconds, String body, String... secrets) {
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null) {
                try {
                    signatures.add(new Webhook(secret).sign(id, timestampSeconds, body));
                } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                    throw new IllegalStateException("A webhook secret cannot sign: " + e.getClass().getSimpleName());
                }
            }
        }
        return String.join(" ", signatures);
    }

    private Signatures() {
    }
}
