package eu.taskforce.common.testing;

import io.restassured.path.json.JsonPath;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Test-only: HTTP/1.1 requests written by hand on a socket, for what no HTTP client sends (a malformed address, header
 * fields over a limit) or reads (an interim 100 Continue).
 */
public final class RawHttp {

    /** The status, the Content-Type and the body of an answer. */
    public record Answer(int status, String contentType, String body) {
        public JsonPath json() {
            return new JsonPath(body);
        }
    }

    /** A GET of {@code target} (sent as it is), with {@code moreHeaders} (each ending in CRLF), on a new connection. */
    public static Answer get(URI base, String target, String moreHeaders) throws IOException {
        return send(base, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + moreHeaders
                + "\r\n", null);
    }

    /** The request's head as it is, then its body if any, on a new connection; the answer. */
    public static Answer send(URI base, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // the server may answer and close before it has read the whole body
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** The next answer: its head, then as many bytes of body as its Content-Length says. */
    public static Answer read(InputStream in) throws IOException {
        String[] lines = head(in);
        String contentType = "";
        int length = 0;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), contentType,
                new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** The lines of the next answer's head (its status line first), read up to the empty line. */
    public static String[] head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    }

    private RawHttp() {
    }
}
