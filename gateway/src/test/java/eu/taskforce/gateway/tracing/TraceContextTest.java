package eu.taskforce.gateway.tracing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    @Test
    void continuesAValidTraceWithANewSpan() {
        TraceContext trace = TraceContext.continueFrom("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
        assertThat(trace.continued()).isTrue();
        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.parentId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        // the caller's sampling decision stands
        assertThat(trace.header()).endsWith("-00");
    }

    @Test
    void aLaterVersionMayCarryMoreFields() {
        assertThat(TraceContext.continueFrom("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")
                .continued()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"})
    void startsANewTraceForAnInvalidOne(String traceparent) {
        TraceContext trace = TraceContext.continueFrom(traceparent);
        assertThat(trace.continued()).isFalse();
        assertThat(trace.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
