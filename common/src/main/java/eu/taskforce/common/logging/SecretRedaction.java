package eu.taskforce.common.logging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a log line may show of a request's address: a credential in the path (the personal calendar feed's token is
 * the only credential of a feed that carries joining links) or in the query is replaced by {@value #REDACTED}, which
 * no URI can hold unencoded.
 *
 * <p>Used by the gateway and by every service (through the platform); it lives in {@code common} because the gateway
 * cannot depend on the platform, which brings a datasource, Flyway and Kafka with it.
 */
public final class SecretRedaction {

    public static final String REDACTED = "[redacted]";
    /** The routing-context key of the redacted path and query, named in the access log's pattern as %{d,...}. */
    public static final String LOGGED_URI = "taskforce.logged-uri";

    private static final String SECRET = "{secret}";

    /**
     * Paths that carry a credential: each {@code {secret}} segment is redacted. A pattern matches the start of a path
     * (segments after it stay); a literal segment matches with or without ";parameters", and empty segments ("//")
     * do not count. Future addresses that are their own credential (unsubscribe links, other feeds) belong here, and
     * in the gateway.
     */
    static final List<String> SECRET_PATHS = List.of(
            "/api/v1/meetings/calendar/personal/{secret}");

    /**
     * Query parameters whose value is a credential, by name in lower case without "-" and "_": these names, and every
     * name ending in one of the suffixes (access_token, id_token, client_secret, X-Amz-Signature...).
     */
    private static final Set<String> SECRET_NAMES = Set.of("key", "apikey", "accesskey", "sig");
    private static final List<String> SECRET_SUFFIXES = List.of("token", "secret", "signature", "password");

    private static final List<String[]> PATH_SEGMENTS = SECRET_PATHS.stream().map(p -> p.split("/", -1)).toList();
    /** The same rules for free text (a library's message that quotes a URI): the secret is the regex's group. */
    private static final List<Pattern> TEXT_PATTERNS = textPatterns();

    private SecretRedaction() {
    }

    /** A path and its query (null when there is none) as a log line may show them. */
    public static String uri(String path, String query) {
        return query == null ? path(path) : path(path) + "?" + query(query);
    }

    public static String path(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/", -1);
        boolean redacted = false;
        for (String[] pattern : PATH_SEGMENTS) {
            redacted |= redact(pattern, segments);
        }
        return redacted ? String.join("/", segments) : path;
    }

    public static String query(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringJoiner redacted = new StringJoiner("&");
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            redacted.add(equals > 0 && isSecretParameter(parameter.substring(0, equals))
                    ? parameter.substring(0, equals + 1) + REDACTED : parameter);
        }
        return redacted.toString();
    }

    /** Free text with every secret path segment and secret query value that it quotes redacted. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (Pattern pattern : TEXT_PATTERNS) {
            redacted = redactGroups(pattern, redacted);
        }
        return redacted;
    }

    static boolean isSecretParameter(String name) {
        String decoded;
        try {
            decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = name;
        }
        String normalised = decoded.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return SECRET_NAMES.contains(normalised) || SECRET_SUFFIXES.stream().anyMatch(normalised::endsWith);
    }

    /** Redacts the secret segments of {@code segments} if they start with {@code pattern} (empty ones do not count). */
    private static boolean redact(String[] pattern, String[] segments) {
        int[] secrets = new int[pattern.length];
        int found = 0;
        int at = 0;
        for (String expected : pattern) {
            if (expected.isEmpty()) {
                continue;
            }
            while (at < segments.length && segments[at].isEmpty()) {
                at++;
            }
            if (at == segments.length) {
                return false;
            }
            if (expected.equals(SECRET)) {
                secrets[found++] = at;
            } else if (!expected.equals(withoutParameters(segments[at]))) {
                return false;
            }
            at++;
        }
        for (int i = 0; i < found; i++) {
            segments[secrets[i]] = REDACTED;
        }
        return found > 0;
    }

    private static String withoutParameters(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
    }

    private static List<Pattern> textPatterns() {
        List<Pattern> patterns = new ArrayList<>();
        for (String[] segments : PATH_SEGMENTS) {
            StringBuilder regex = new StringBuilder();
            for (String segment : segments) {
                if (!segment.isEmpty()) {
                    regex.append("/+").append(segment.equals(SECRET) ? "([^/?#\\s\"'<>]+)"
                            : Pattern.quote(segment) + "(?:;[^/?#\\s]*)?");
                }
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        patterns.add(Pattern.compile("[?&](?:[\\w.-]*(?:" + String.join("|", SECRET_SUFFIXES) + ")"
                + "|key|api[-_]?key|access[-_]?key|sig)=([^&#\\s\"'<>]+)", Pattern.CASE_INSENSITIVE));
        return List.copyOf(patterns);
    }

    private static String redactGroups(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder redacted = new StringBuilder(text.length());
        int copied = 0;
        do {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                redacted.append(text, copied, matcher.start(group)).append(REDACTED);
                copied = matcher.end(group);
            }
        } while (matcher.find());
        return redacted.append(text, copied, text.length()).toString();
    }
}
