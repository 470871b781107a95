package eu.taskforce.common.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHeadTest {

    @Test
    void anAddressDecodesOrNot() {
        assertThat(RequestHead.decodable("/api/v1/public/participants?cursor=abc%20d")).isTrue();
        assertThat(RequestHead.decodable("/api/v1/public/participants?cursor=%2")).isFalse();
        assertThat(RequestHead.decodable("/api/v1/guidance/documents/%/versions")).isFalse();
        assertThat(RequestHead.decodable("/a b")).isFalse();
        assertThat(RequestHead.decodable(null)).isFalse();
    }

    @Test
    void headersAreCountedAsOnTheWire() {
        // "Host: a\r\n" is 9 bytes, "X-Long: 12345\r\n" 15
        assertThat(RequestHead.headerBytes(List.of(Map.entry("Host", "a"), Map.entry("X-Long", "12345")))).isEqualTo(24);
        assertThat(RequestHead.headerBytes(List.of())).isZero();
    }
}
