package eu.taskforce.notification.service;

import eu.taskforce.notification.config.WebhookConfig;
import eu.taskforce.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which endpoints a webhook may call: https to a host whose every address is public. Never a private, link-local,
 * loopback, unique-local, carrier-grade NAT, multicast or unspecified address (the service must not become a way into
 * the network it runs in), except loopback (over http too) where {@code allow-http-loopback} says so. Asked when a
 * subscription is made or changed, and again before every attempt (a name may resolve elsewhere by then); redirects
 * are never followed.
 */
@ApplicationScoped
public class EndpointPolicy {

    private final WebhookConfig config;

    public EndpointPolicy(WebhookConfig config) {
        this.config = config;
    }

    /** The endpoint, checked; a 400 problem naming what is wrong with it. */
    public URI check(String url) {
        try {
            return allowed(url);
        } catch (RefusedEndpoint e) {
            throw ProblemException.badRequest("url: " + e.getMessage());
        }
    }

    /** The endpoint, checked (again) before an attempt; {@link RefusedEndpoint} says why it may not be called. */
    public URI allowed(String url) throws RefusedEndpoint {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedEndpoint("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedEndpoint("must be an https URL");
        }
        if (scheme.equals("http") && !config.allowHttpLoopback()) {
            throw new RefusedEndpoint("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new RefusedEndpoint("must name a host, without user information or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedEndpoint("its host does not resolve");
        }
        boolean loopback = true;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!config.allowHttpLoopback()) {
                    throw new RefusedEndpoint("its host resolves to a loopback address");
                }
            } else {
                loopback = false;
                if (!isPublic(address)) {
                    throw new RefusedEndpoint("its host resolves to an address that is not public ("
                            + address.getHostAddress() + ")");
                }
            }
        }
        if (scheme.equals("http") && !loopback) {
            throw new RefusedEndpoint("must be an https URL (http only to a loopback address in development)");
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 (benchmarking), 240.0.0.0/4
            return !(first == 100 && second >= 64 && second < 128) && first != 0
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 (unique local)
            return (bytes[0] & 0xfe) != 0xfc;
        }
        return false;
    }

    /** Why an endpoint may not be called. */
    public static class RefusedEndpoint extends Exception {
        RefusedEndpoint(String reason) {
            super(reason);
        }
    }
}
