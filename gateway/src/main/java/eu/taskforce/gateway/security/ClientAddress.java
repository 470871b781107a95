package eu.taskforce.gateway.security;

import eu.taskforce.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's address: the connection's peer, unless the peer is a trusted proxy ({@code
 * taskforce.gateway.trusted-proxies}, for example the load balancer in front of the gateways); then the right-most
 * address of {@code X-Forwarded-For} that is not a trusted proxy. Each proxy appends the address it saw, so whatever
 * the client wrote into the header itself stays to the left of it and is never taken.
 */
@ApplicationScoped
public class ClientAddress {

    /** Only literal addresses are parsed, so that a header never makes the gateway look a name up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final List<Network> trusted;

    @Inject
    public ClientAddress(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Network::parse).toList();
    }

    public String of(HttpServerRequest request) {
        return resolve(request.remoteAddress().hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> Arrays.stream(header.split(",")).map(String::strip)
                .filter(hop -> !hop.isEmpty()).forEach(hops::add));
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return peer; // not an address: the chain cannot be followed past it
            }
            if (!trusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && trusted(parsed);
    }

    private boolean trusted(InetAddress address) {
        return trusted.stream().anyMatch(network -> network.contains(address));
    }

    private static InetAddress literal(String text) {
        if (!LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR block, IPv4 or IPv6. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String text) {
            String[] parts = text.strip().split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("taskforce.gateway.trusted-proxies: not an address: " + text);
            }
            int length = address.getAddress().length * 8;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : length;
            if (bits < 0 || bits > length) {
                throw new IllegalArgumentException("taskforce.gateway.trusted-proxies: bad prefix length: " + text);
            }
            return new Network(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
