package eu.taskforce.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whom the gateway takes for the client, given the connection's peer and the X-Forwarded-For headers. */
class ClientAddressTest {

    private final ClientAddress behindBalancers = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddress edge = new ClientAddress(List.of());
        assertThat(edge.resolve("10.1.1.1", List.of("203.0.113.7"))).isEqualTo("10.1.1.1");
    }

    @Test
    void anUntrustedPeerIsTheClient() {
        assertThat(behindBalancers.resolve("198.51.100.4", List.of("203.0.113.7"))).isEqualTo("198.51.100.4");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(behindBalancers.resolve("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // what the client wrote itself stays on the left and is never taken
        assertThat(behindBalancers.resolve("10.0.0.5", List.of("6.6.6.6, 203.0.113.7"))).isEqualTo("203.0.113.7");
        // two proxies: the balancer (192.0.2.1) and an inner one (10.2.3.4)
        assertThat(behindBalancers.resolve("10.2.3.4", List.of("6.6.6.6, 203.0.113.7, 192.0.2.1"))).isEqualTo("203.0.113.7");
        // several header lines are one list
        assertThat(behindBalancers.resolve("10.0.0.5", List.of("6.6.6.6", "203.0.113.8"))).isEqualTo("203.0.113.8");
        assertThat(behindBalancers.resolve("fd00::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aChainThatCannotBeFollowedGivesThePeer() {
        assertThat(behindBalancers.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        assertThat(behindBalancers.resolve("10.0.0.5", List.of("203.0.113.7, unknown"))).isEqualTo("10.0.0.5");
        // a name is never looked up
        assertThat(behindBalancers.resolve("10.0.0.5", List.of("attacker.example"))).isEqualTo("10.0.0.5");
        // only trusted hops: the peer
        assertThat(behindBalancers.resolve("10.0.0.5", List.of("10.9.9.9"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aMisconfiguredProxyListStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("bad prefix length");
        assertThatThrownBy(() -> new ClientAddress(List.of("balancer.internal"))).hasMessageContaining("not an address");
    }
}
