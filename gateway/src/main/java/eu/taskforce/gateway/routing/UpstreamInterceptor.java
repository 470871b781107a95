package eu.taskforce.gateway.routing;

import eu.taskforce.common.problem.ProblemJson;
import eu.taskforce.common.logging.SecretRedaction;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.TimeoutException;

/**
 * Wraps each call to one service: the circuit breaker, the headers the service needs (X-Forwarded-*; the request id
 * is already on the request, the traceparent is OpenTelemetry's client span's), the body limit for chunked bodies, and problem+json when the call
 * fails: 502 when the service cannot be reached, 504 when it stays silent past the route's timeout, 503 while the
 * circuit is open.
 */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamInterceptor.class);
    private static final String TOO_LARGE = "taskforce.body-too-large";
    private static final String CLOSE_AFTER = "taskforce.close-after";
    /** The instance this request is sent to ({@link Instance}); the proxy's origin reads it. */
    private static final String INSTANCE = "taskforce.instance";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Headers the gateway answers with itself; a service's copy would be a duplicate. */
    private static final Set<String> GATEWAY_HEADERS = Set.of("x-request-id", "x-content-type-options",
            "x-frame-options", "referrer-policy", "strict-transport-security", "content-security-policy",
            "permissions-policy", "cross-origin-resource-policy", "ratelimit", "ratelimit-policy", "ratelimit-limit",
            "ratelimit-remaining", "ratelimit-reset");

    private final Upstream upstream;
    private final Function<Instance, Future<HttpClientRequest>> pooledRequest;
    private final Function<Instance, Future<HttpClientRequest>> freshRequest;
    private final long retryBodyLimit;
    private final Function<HttpServerRequest, String> clientAddress;

    /**
     * @param pooledRequest  a request to an instance of the service over the pool ({@link Routes#client()})
     * @param freshRequest   a request to an instance on a new connection of its own ({@link Routes#freshClient()})
     * @param retryBodyLimit the largest body of a write with an Idempotency-Key that is kept to be sent again
     * @param clientAddress  the client's address, told to the service ({@code security.ClientAddress})
     */
    UpstreamInterceptor(Upstream upstream, Function<Instance, Future<HttpClientRequest>> pooledRequest,
                        Function<Instance, Future<HttpClientRequest>> freshRequest, long retryBodyLimit,
                        Function<HttpServerRequest, String> clientAddress) {
        this.upstream = upstream;
        this.pooledRequest = pooledRequest;
        this.freshRequest = freshRequest;
        this.retryBodyLimit = retryBodyLimit;
        this.clientAddress = clientAddress;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        Instance instance = upstream.acquire(null).orElse(null);
        if (instance == null) {
            ProxyResponse response = problem(context, 503, "upstream-unavailable", "Service unavailable",
                    "The " + upstream.name() + " service is failing; the gateway does not call it for a moment");
            response.putHeader("Retry-After", Long.toString(upstream.retryAfterSeconds()));
            return Future.succeededFuture(response);
        }
        context.set(INSTANCE, instance);
        forwardedHeaders(request, incoming, clientAddress.apply(incoming));
        // the path the router matched (dot segments resolved), so the service sees what the gateway checked
        String query = incoming.query();
        request.setURI(HttpUtils.normalizePath(incoming.path()) + (query == null ? "" : "?" + query));
        Body body = request.getBody();
        boolean bodiless = bodiless(incoming);
        boolean resendable;
        Future<Void> ready = Future.succeededFuture();
        if (bodiless && body != null) {
            // nothing to pipe: the request can be sent again if a pooled connection turns out to be dead
            request.setBody(null);
            body.stream().resume();
            resendable = SAFE_METHODS.contains(incoming.method().name()) || idempotencyKey(incoming);
        } else if (body != null && body.length() < 0) {
            request.setBody(Body.body(new LimitedBody(body.stream(), upstream.maxBodySize(),
                    () -> context.set(TOO_LARGE, Boolean.TRUE)), -1));
            resendable = false;
        } else if (body != null && body.length() <= retryBodyLimit && idempotencyKey(incoming)) {
            // a write the service answers once per key: kept (bounded) so it can be sent again on a new connection
            ready = incoming.body().map(buffer -> {
                request.setBody(Body.body(buffer));
                return null;
            });
            incoming.resume();
            resendable = true;
        } else {
            // a body too large to keep, or none to pipe: streamed once
            resendable = false;
        }
        return ready
                .compose(read -> context.sendRequest())
                .recover(failure -> resendable && !incoming.response().closed() ? sendAgain(context, failure)
                        : Future.failedFuture(failure))
                .transform(result -> outcome(context, result));
    }

    /**
     * A request that is safe to repeat, whose first attempt failed before any answer: on a new connection to the same
     * instance when its pooled connection closed under it, on another instance when the instance cannot be reached
     * (also when that is what the new connection finds: the instance has just stopped).
     */
    private Future<ProxyResponse> sendAgain(ProxyContext context, Throwable failure) {
        if (staleConnection(failure)) {
            return resend(context, failure).recover(again -> unreachable(again) ? sendToAnother(context, again)
                    : Future.failedFuture(again));
        }
        return unreachable(failure) ? sendToAnother(context, failure) : Future.failedFuture(failure);
    }

    /** The instance the request of {@code context} is sent to. */
    static Instance instance(ProxyContext context) {
        return context.get(INSTANCE, Instance.class);
    }

    /**
     * Once more, on another instance: the first one could not be reached (no connection), so the service never saw
     * the request, and it is safe to repeat. The first instance's circuit counts the failure.
     */
    private Future<ProxyResponse> sendToAnother(ProxyContext context, Throwable failure) {
        Instance first = instance(context);
        Instance other = upstream.acquire(first).orElse(null);
        if (other == null) {
            return Future.failedFuture(failure);
        }
        first.breaker().onFailure();
        LOG.warnf("%s cannot be reached at %s (%s); sent to %s", upstream.name(), first,
                failure.getClass().getSimpleName(), other);
        context.set(INSTANCE, other);
        return send(context, pooledRequest.apply(other));
    }

    /** No connection could be made: refused, or not made in time. The request never reached the service. */
    private static boolean unreachable(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof ConnectTimeoutException;
    }

    /**
     * Once more, on a new connection: the first attempt met a pooled connection that closed before any answer, and
     * the request is safe to repeat (a read, or a write the service recognises by its Idempotency-Key). As a request
     * of its own: the proxy resets the request it last sent when the first attempt's body fails to end, which may
     * happen after the answer failed; sent through the same proxy request, the second attempt would be the one reset.
     */
    private Future<ProxyResponse> resend(ProxyContext context, Throwable failure) {
        ProxyRequest first = context.request();
        LOG.debugf("Connection closed under %s %s (%s); sent again on a new connection", first.getMethod(),
                SecretRedaction.path(first.proxiedRequest().path()), failure.getClass().getSimpleName());
        return send(context, freshRequest.apply(instance(context)));
    }

    /** The request of {@code context} as a request of its own (its method, URI, headers and kept body), on {@code to}. */
    private static Future<ProxyResponse> send(ProxyContext context, Future<HttpClientRequest> to) {
        ProxyRequest first = context.request();
        ProxyRequest again = ProxyRequest.reverseProxy(first.proxiedRequest())
                .setMethod(first.getMethod())
                .setURI(first.getURI())
                // the kept body (a new stream of the same buffer), or none
                .setBody(first.getBody());
        again.headers().clear();
        again.headers().addAll(first.headers());
        return to.compose(again::send);
    }

    private static boolean idempotencyKey(HttpServerRequest request) {
        String key = request.getHeader("Idempotency-Key");
        return key != null && !key.isBlank();
    }

    /** No Content-Length (or 0) and not chunked. */
    private static boolean bodiless(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") == null && (length == null || length.trim().equals("0"));
    }

    /**
     * A keep-alive connection that closed as the request went out on it: a race that every pooling proxy meets
     * (the service or the network closed it while idle, or a client that left had it reset). A body that could not be
     * written to it ends the request with a reset (the proxy's pipe resets the request when the write fails).
     */
    private static boolean staleConnection(Throwable failure) {
        return failure instanceof HttpClosedException || failure instanceof StreamResetException
                || (failure instanceof java.io.IOException && String.valueOf(failure.getMessage()).contains("reset"));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (context.get(CLOSE_AFTER, Boolean.class) != null) {
            // the client may still be sending a body we refused: do not read the rest of it
            HttpServerRequest incoming = context.request().proxiedRequest();
            sent.onComplete(done -> incoming.connection().close());
        }
        return sent;
    }

    private Future<ProxyResponse> outcome(ProxyContext context, AsyncResult<ProxyResponse> result) {
        CircuitBreaker breaker = instance(context).breaker();
        if (result.succeeded()) {
            ProxyResponse response = result.result();
            int status = response.getStatusCode();
            if (status == 502 || status == 503 || status == 504) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
            MultiMap own = context.request().proxiedRequest().response().headers();
            GATEWAY_HEADERS.forEach(name -> {
                if (own.contains(name)) {
                    response.headers().remove(name);
                }
            });
            return Future.succeededFuture(response);
        }
        Throwable failure = result.cause();
        if (context.get(TOO_LARGE, Boolean.class) != null) {
            breaker.release();
            context.set(CLOSE_AFTER, Boolean.TRUE);
            ProxyResponse response = problem(context, 413, "payload-too-large", "Content too large",
                    "The request body is larger than " + upstream.maxBodySize() + " bytes");
            response.putHeader("Connection", "close");
            return Future.succeededFuture(response);
        }
        if (context.request().proxiedRequest().response().closed()) {
            // the client went away: nothing to answer, and not the service's fault
            breaker.release();
            return Future.failedFuture(failure);
        }
        breaker.onFailure();
        if (timedOut(failure)) {
            // not the exception's message: Vert.x's client quotes the request's URI in it, credentials and all
            LOG.warnf("%s did not answer within %s", upstream.name(), upstream.route().timeout());
            return Future.succeededFuture(problem(context, 504, "upstream-timeout", "Gateway timeout",
                    "The " + upstream.name() + " service did not answer in time"));
        }
        LOG.warnf("%s cannot be reached at %s: %s", upstream.name(), instance(context),
                SecretRedaction.text(failure.toString()));
        return Future.succeededFuture(problem(context, 502, "upstream-unreachable", "Bad gateway",
                "The " + upstream.name() + " service cannot be reached"));
    }

    private ProxyResponse problem(ProxyContext context, int status, String slug, String title, String detail) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        return context.request().release().response()
                .setStatusCode(status)
                .putHeader("Content-Type", ProblemJson.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .setBody(Body.body(ProblemJson.body(status, slug, title, detail, incoming.path())));
    }

    /** Lets a service build links (Location, Link: next) with the address the client used, not its own. */
    private static void forwardedHeaders(ProxyRequest request, HttpServerRequest incoming, String client) {
        MultiMap headers = request.headers();
        // the gateway is the edge: what a client claims about earlier hops is not passed on
        headers.remove("Forwarded");
        // the caller's trace context: the gateway's client span sends its own, a child in the same trace (sending the
        // caller's as well would make the service's span a sibling of the gateway's, or duplicate the header)
        headers.remove("traceparent");
        headers.remove("tracestate");
        headers.set("X-Forwarded-For", client);
        headers.set("X-Forwarded-Proto", incoming.scheme());
        // the request's authority: the Host header over HTTP/1.1, the :authority pseudo-header over HTTP/2 (no Host)
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        } else {
            headers.remove("X-Forwarded-Host");
        }
        headers.remove("X-Forwarded-Port");
        headers.remove("X-Forwarded-Prefix");
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ConnectTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (t instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }
}
