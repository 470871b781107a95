package eu.taskforce.gateway;

import eu.taskforce.common.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that asks {@code Expect: 100-continue} before sending its body (curl does for larger bodies) is told to go
 * on at once: the gateway reads a keyed write's body before it calls the service (to send it again on a fresh
 * connection if need be), so without the 100 the client would wait its own timeout (a second, for curl) first.
 */
@QuarkusTest
class ExpectContinueTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aWriteThatExpectsContinueIsToldToGoOnBeforeItsBody() throws IOException {
        byte[] body = "{\"name\":\"Example\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            // the client waits at most 500 ms for the 100, as it would not send its body before
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/public/continue HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nIdempotency-Key: expect-continue-1\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 100 Continue");
            socket.setSoTimeout(10_000);
            out.write(body);
            out.flush();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    /** The status line of the next answer, its headers skipped. */
    private static String statusLine(InputStream in) throws IOException {
        return RawHttp.head(in)[0];
    }
}
