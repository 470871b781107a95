package eu.taskforce.notification.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the e-mail tests need beside the dev stack: a real SMTP server (GreenMail, embedded, on a free port) and
 * membership-service's mail-recipients endpoint played by a small HTTP server (the service calls it with a real
 * client-credentials token from Keycloak; the stand-in checks that one is sent).
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    /** One person of the stand-in's answer. */
    public record Person(String type, String person, UUID organisationId, String email) {
    }

    public static GreenMail greenMail;
    /** The representatives and stakeholders the stand-in answers with; the tests set them. */
    public static final List<Person> PEOPLE = new CopyOnWriteArrayList<>();
    /** While set, the stand-in answers 503, as a membership-service that is away. */
    public static final AtomicBoolean MEMBERSHIP_DOWN = new AtomicBoolean();

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer membership;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            membership = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        membership.createContext("/api/v1/membership/mail-recipients", exchange -> {
            String audience = exchange.getRequestURI().getQuery();
            boolean authorised = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                    .startsWith("Bearer ");
            int status = MEMBERSHIP_DOWN.get() ? 503 : authorised ? 200 : 401;
            String type = audience != null && audience.contains("STAKEHOLDERS") ? "STAKEHOLDER" : "REPRESENTATIVE";
            byte[] body = status != 200 ? new byte[0] : JSON.writeValueAsString(PEOPLE.stream()
                    .filter(person -> person.type().equals(type)).toList()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        membership.start();
        return Map.of("quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                "quarkus.rest-client.membership.url", "http://127.0.0.1:" + membership.getAddress().getPort(),
                // the tests run the dispatcher and the digests themselves, with the time they set
                "taskforce.mail.dispatch-interval", "off",
                "taskforce.mail.digest-check-interval", "off");
    }

    @Override
    public void stop() {
        if (membership != null) {
            membership.stop(0);
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
