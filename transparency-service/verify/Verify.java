import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Verifies the transparency register's log against a running instance, with the JDK only (Java 17+):
 *
 *   java Verify.java [base-url]        (default http://127.0.0.1:8080, the gateway)
 *
 * It reads every entry, recomputes each entry's RFC 8785 canonical JSON, its leaf hash SHA-256(canonical) and the
 * chain hash SHA-256(previous || leaf) from 32 zero bytes, compares them with the served hashes, checks that the
 * sequences run 1, 2, 3..., then checks every signed head: its Ed25519 signature over the statement with the
 * published key, and that the recomputed chain at its sequence equals its hash; and a consistency proof between the
 * first and the latest head. People's names are commitments in the log: it fetches the disclosed openings, recomputes
 * each commitment (SHA-256 of the RFC 8785 JSON of {field, ref, salt, value}), requires the log to hold it for the
 * same person and field and no withdrawal to name it, and counts the values withheld. Exit status 0 when everything
 * holds, 1 with the reasons otherwise.
 *
 * The canonicaliser here covers what the register writes (objects, arrays, strings, integers, booleans, null); an
 * entry with a fractional number is reported as unverifiable rather than guessed.
 */
public class Verify {

    public static void main(String[] args) throws Exception {
        String base = (args.length > 0 ? args[0] : "http://127.0.0.1:8080").replaceAll("/+$", "");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Function<String, String> fetch = path -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
                }
                return response.body();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        };
        List<String> report = new ArrayList<>();
        List<String> problems = verify(fetch, report);
        report.forEach(System.out::println);
        if (problems.isEmpty()) {
            System.out.println("OK: the register's log verifies");
            return;
        }
        problems.forEach(p -> System.out.println("FAILED: " + p));
        System.exit(1);
    }

    /** Verifies the log served at the paths that {@code fetch} reads; returns the problems found (none: it holds). */
    public static List<String> verify(Function<String, String> fetch, List<String> report) {
        List<String> problems = new ArrayList<>();
        String prefix = "/api/v1/public/register/log";
        try {
            Map<String, PublicKey> keys = new HashMap<>();
            for (Object key : list(obj(parse(fetch.apply(prefix + "/public-keys"))).get("keys"))) {
                Map<String, Object> k = obj(key);
                keys.put((String) k.get("keyId"), KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) k.get("publicKey")))));
            }
            List<Map<String, Object>> heads = new ArrayList<>();
            for (Object head : list(obj(parse(fetch.apply(prefix + "/heads?limit=1000"))).get("heads"))) {
                heads.add(obj(head));
            }
            Map<Long, String> chainAt = new TreeMap<>();
            Map<String, String> committed = new HashMap<>(); // commitment -> "ref field" as the log holds it
            Set<String> withdrawn = new HashSet<>();
            String previous = "0".repeat(64);
            long expected = 1;
            Long from = 1L;
            while (from != null) {
                Map<String, Object> page = obj(parse(fetch.apply(prefix + "/entries?from=" + from + "&limit=1000")));
                for (Object item : list(page.get("entries"))) {
                    Map<String, Object> served = obj(item);
                    long sequence = number(served.get("sequence"));
                    Map<String, Object> entry = obj(served.get("entry"));
                    if (sequence != expected || number(entry.get("sequence")) != expected) {
                        problems.add("entry " + expected + ": the log skips or repeats (served sequence " + sequence
                                + ", inside the entry " + entry.get("sequence") + ")");
                        return problems;
                    }
                    String leaf = hex(sha256(canonical(entry).getBytes(StandardCharsets.UTF_8)));
                    String chain = hex(sha256(concat(HexFormat.of().parseHex(previous), HexFormat.of().parseHex(leaf))));
                    if (!leaf.equals(served.get("leafHash"))) {
                        problems.add("entry " + sequence + ": its content does not give its leaf hash");
                    }
                    if (!chain.equals(served.get("hash"))) {
                        problems.add("entry " + sequence + ": the chain hash recomputed differs from the one served");
                    }
                    chainAt.put(sequence, chain);
                    previous = chain;
                    expected++;
                    personal(entry, committed, withdrawn, problems);
                }
                Object next = page.get("next");
                from = next == null ? null : number(next);
            }
            long last = expected - 1;
            report.add("entries: " + last + ", head hash " + previous);
            for (Map<String, Object> head : heads) {
                String statement = (String) head.get("statement");
                Map<String, Object> signed = obj(parse(statement));
                PublicKey key = keys.get((String) signed.get("keyId"));
                long sequence = number(signed.get("sequence"));
                if (key == null) {
                    problems.add("head " + sequence + ": signed with an unpublished key " + signed.get("keyId"));
                    continue;
                }
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(statement.getBytes(StandardCharsets.UTF_8));
                boolean valid;
                try {
                    valid = verifier.verify(Base64.getDecoder().decode((String) head.get("signature")));
                } catch (java.security.SignatureException | IllegalArgumentException e) {
                    valid = false; // a signature that is not even well-formed (an invalid curve point, bad base64)
                }
                if (!valid) {
                    problems.add("head " + sequence + ": the signature does not verify");
                }
                if (!canonical(signed).equals(statement)) {
                    problems.add("head " + sequence + ": the statement is not in canonical form");
                }
                if (sequence > last) {
                    problems.add("head " + sequence + ": beyond the entries served (" + last + ")");
                } else if (!String.valueOf(signed.get("hash")).equals(chainAt.get(sequence))) {
                    problems.add("head " + sequence + ": the chain recomputed from the entries does not reach its hash");
                }
            }
            report.add("signed heads verified: " + heads.size());
            if (heads.size() >= 2) {
                long a = number(obj(parse((String) heads.get(heads.size() - 1).get("statement"))).get("sequence"));
                long b = number(obj(parse((String) heads.get(0).get("statement"))).get("sequence"));
                Map<String, Object> proof = obj(parse(fetch.apply(prefix + "/consistency?from=" + a + "&to=" + b)));
                String hash = (String) proof.get("fromHash");
                if (!hash.equals(a == 0 ? "0".repeat(64) : chainAt.get(a))) {
                    problems.add("consistency " + a + ".." + b + ": starts from another hash");
                }
                for (Object leaf : list(proof.get("leafHashes"))) {
                    hash = hex(sha256(concat(HexFormat.of().parseHex(hash), HexFormat.of().parseHex((String) leaf))));
                }
                if (!hash.equals(chainAt.get(b)) || !hash.equals(proof.get("toHash"))) {
                    problems.add("consistency " + a + ".." + b + ": the proof does not lead to the later head");
                }
                report.add("consistency proof " + a + ".." + b + " checked");
            }
            disclosures(fetch, committed, withdrawn, problems, report);
        } catch (RuntimeException | java.security.GeneralSecurityException e) {
            problems.add("cannot verify: " + e.getMessage());
        }
        return problems;
    }

    // --- people's names: commitments in the log, openings served beside it ------------------------------------------

    private static final Set<String> PERSONAL_FIELDS = Set.of("publicName", "publicFieldOfExpertise");
    private static final java.util.regex.Pattern COMMITMENT = java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Notes the commitments an entry carries (with their person and field) and those it withdraws; a personal field of
     * a profile (version 2 on) that is anything but null or a well-formed commitment is a problem: a value in clear.
     */
    private static void personal(Map<String, Object> entry, Map<String, String> committed, Set<String> withdrawn,
                                 List<String> problems) {
        String type = String.valueOf(entry.get("type"));
        if (!(entry.get("data") instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> data = obj(raw);
        for (String field : PERSONAL_FIELDS) {
            Object value = data.get(field);
            if (value instanceof Map<?, ?> map && map.get("commitment") instanceof String commitment
                    && COMMITMENT.matcher(commitment).matches() && map.get("ref") instanceof String ref) {
                committed.put(commitment, ref + " " + field);
            } else if (value != null && !type.endsWith(".v1")) {
                problems.add("entry " + entry.get("sequence") + ": " + field + " is not a commitment");
            }
        }
        if ((type.contains(".personal-data-withdrawn.") || type.contains("-erased."))
                && data.get("commitments") instanceof List<?> commitments) {
            commitments.forEach(c -> withdrawn.add(String.valueOf(c)));
        }
    }

    /**
     * Every disclosed opening gives its commitment (JCS of {field, ref, salt, value}, SHA-256), which the log holds for
     * the same person and field; none is of a withdrawn commitment.
     */
    private static void disclosures(Function<String, String> fetch, Map<String, String> committed,
                                    Set<String> withdrawn, List<String> problems, List<String> report) {
        String base = "/api/v1/public/register";
        Set<String> withdrawals = new HashSet<>(withdrawn);
        for (Map<String, Object> w : pages(fetch, base + "/withdrawals")) {
            withdrawals.add(String.valueOf(w.get("commitment")));
        }
        int disclosed = 0, matching = 0;
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> d : pages(fetch, base + "/disclosures")) {
            String commitment = String.valueOf(d.get("commitment"));
            Map<String, Object> opening = new TreeMap<>();
            for (String member : List.of("field", "ref", "salt", "value")) {
                if (!(d.get(member) instanceof String text)) {
                    problems.add("disclosure " + commitment + ": no " + member);
                    continue;
                }
                opening.put(member, text);
            }
            String recomputed = "sha256:" + hex(sha256(canonical(opening).getBytes(StandardCharsets.UTF_8)));
            if (!recomputed.equals(commitment)) {
                problems.add("disclosure " + commitment + ": its opening does not give its commitment");
            } else if (!(opening.get("ref") + " " + opening.get("field")).equals(committed.get(commitment))) {
                problems.add("disclosure " + commitment + ": no log entry holds it for that person and field");
            } else {
                matching++;
            }
            if (withdrawals.contains(commitment)) {
                problems.add("disclosure " + commitment + ": served although withdrawn");
            }
            seen.add(commitment);
            disclosed++;
        }
        long withheld = committed.keySet().stream().filter(c -> !seen.contains(c)).count();
        long gone = committed.keySet().stream().filter(c -> !seen.contains(c) && withdrawals.contains(c)).count();
        report.add("personal values: " + committed.size() + " commitments in the log; " + disclosed + " disclosed ("
                + matching + " matching their commitment and entry); " + withheld + " withheld (" + gone
                + " of them withdrawn, rectified or erased)");
    }

    /** Every item of a paged list ({@code items}, {@code nextCursor}). */
    private static List<Map<String, Object>> pages(Function<String, String> fetch, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = obj(parse(fetch.apply(path + "?limit=500"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)))));
            list(page.get("items")).forEach(item -> items.add(obj(item)));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return items;
    }

    // --- RFC 8785 canonical JSON (the subset the register writes) -----------------------------------------------

    static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof BigDecimal n) {
            try {
                out.append(n.toBigIntegerExact());
            } catch (ArithmeticException e) {
                throw new IllegalStateException("a fractional number " + n + " is beyond this verifier");
            }
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            Map<String, Object> map = new TreeMap<>((Map<String, Object>) value); // UTF-16 code unit order
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
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
        out.append('"');
    }

    // --- a small JSON reader -----------------------------------------------------------------------------------

    static Object parse(String json) {
        Reader reader = new Reader(json);
        Object value = reader.value();
        reader.space();
        if (reader.at < json.length()) {
            throw new IllegalStateException("not JSON: text after the value at " + reader.at);
        }
        return value;
    }

    private static final class Reader {
        final String s;
        int at;

        Reader(String s) {
            this.s = s;
        }

        void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        Object value() {
            space();
            if (at >= s.length()) {
                throw new IllegalStateException("not JSON: ends early");
            }
            char c = s.charAt(at);
            if (c == '{') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                space();
                if (s.charAt(at) == '}') {
                    at++;
                    return map;
                }
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    if (map.put(key, value()) != null) {
                        throw new IllegalStateException("not JSON for a register: duplicate key " + key);
                    }
                    space();
                    if (s.charAt(at) == ',') {
                        at++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            if (c == '[') {
                at++;
                List<Object> list = new ArrayList<>();
                space();
                if (s.charAt(at) == ']') {
                    at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    space();
                    if (s.charAt(at) == ',') {
                        at++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalStateException("not JSON: unexpected '" + c + "' at " + at);
            }
            try {
                return new BigDecimal(s.substring(start, at));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("not JSON: bad number at " + start);
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= s.length()) {
                    throw new IllegalStateException("not JSON: unterminated string");
                }
                char c = s.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(at++);
                    switch (e) {
                        case '"', '\\', '/' -> out.append(e);
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> throw new IllegalStateException("not JSON: bad escape at " + at);
                    }
                } else if (c < 0x20) {
                    throw new IllegalStateException("not JSON: control character in a string at " + at);
                } else {
                    out.append(c);
                }
            }
        }

        void expect(char c) {
            if (at >= s.length() || s.charAt(at) != c) {
                throw new IllegalStateException("not JSON: '" + c + "' expected at " + at);
            }
            at++;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException("a JSON object was expected");
        }
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        if (!(value instanceof List<?>)) {
            throw new IllegalStateException("a JSON array was expected");
        }
        return new ArrayList<>((List<?>) value);
    }

    private static long number(Object value) {
        if (!(value instanceof BigDecimal n)) {
            throw new IllegalStateException("a number was expected, not " + value);
        }
        return n.longValueExact();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
