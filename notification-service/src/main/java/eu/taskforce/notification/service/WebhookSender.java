package eu.taskforce.notification.service;

import eu.taskforce.notification.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * Sends one delivery: the event's CloudEvents JSON (structured mode) by POST, signed per Standard Webhooks
 * ({@code webhook-id} = the event id, the same on every attempt; {@code webhook-timestamp} in seconds;
 * {@code webhook-signature} with the current secret and, during a rotation's overlap, the previous one too). With a
 * connect and a response timeout, no redirect followed, the answer's body never read.
 */
@ApplicationScoped
public class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    /** What an attempt came to: a 2xx, another status, or no answer at all (then {@code status} is null). */
    public record Outcome(boolean delivered, Integer status, String error) {
    }

    private final WebhookConfig config;
    private final EndpointPolicy endpoints;
    private final HttpClient client;

    public WebhookSender(WebhookConfig config, EndpointPolicy endpoints) {
        this.config = config;
        this.endpoints = endpoints;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Outcome send(Deliveries.Claimed delivery, OffsetDateTime now) {
        URI endpoint;
        try {
            endpoint = endpoints.allowed(delivery.url());
        } catch (EndpointPolicy.RefusedEndpoint e) {
            return new Outcome(false, null, "Not sent: the endpoint's " + e.getMessage());
        }
        long timestamp = now.toEpochSecond();
        String previous = delivery.previousSecretUntil() != null && delivery.previousSecretUntil().isAfter(now)
                ? delivery.previousSecret() : null;
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(config.requestTimeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", "Signatory-Taskforce-Webhooks/1.0")
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(delivery.eventId(), timestamp, delivery.payload(),
                        delivery.secret(), previous))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the answer's body is not needed: closing drops the connection
            int status = response.statusCode();
            return status / 100 == 2 ? new Outcome(true, status, null)
                    : new Outcome(false, status, "The endpoint answered " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "No answer within the timeout");
        } catch (IOException e) {
            return new Outcome(false, null, "No connection: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Interrupted while sending");
        }
    }
}
