package eu.taskforce.systemtests;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collector in the test: accepts OTLP/HTTP protobuf export requests on {@code /v1/traces} and keeps each span with
 * its service. Reads just the fields it needs off the protobuf wire format (ExportTraceServiceRequest: resource_spans
 * 1 → resource 1 → attributes 1 {key 1, value 2 → string_value 1}; scope_spans 2 → spans 2 {trace_id 1, span_id 2,
 * parent_span_id 4, name 5, kind 6}), so the test needs no protobuf library.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as received. {@code kind}: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                request(new Reader(body.readAllBytes()));
            } catch (RuntimeException malformed) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            exchange.close();
        });
        server.start();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void request(Reader request) {
        while (request.more()) {
            int field = request.tag();
            if (field == 1) {
                resourceSpans(request.message());
            } else {
                request.skip();
            }
        }
    }

    private void resourceSpans(Reader resourceSpans) {
        String service = "?";
        List<Reader> scopes = new java.util.ArrayList<>();
        while (resourceSpans.more()) {
            int field = resourceSpans.tag();
            if (field == 1) {
                service = serviceName(resourceSpans.message(), service);
            } else if (field == 2) {
                scopes.add(resourceSpans.message());
            } else {
                resourceSpans.skip();
            }
        }
        for (Reader scope : scopes) {
            while (scope.more()) {
                if (scope.tag() == 2) {
                    spans.add(span(scope.message(), service));
                } else {
                    scope.skip();
                }
            }
        }
    }

    private static String serviceName(Reader resource, String otherwise) {
        String service = otherwise;
        while (resource.more()) {
            if (resource.tag() != 1) {
                resource.skip();
                continue;
            }
            Reader attribute = resource.message();
            String key = null;
            String value = null;
            while (attribute.more()) {
                int field = attribute.tag();
                if (field == 1) {
                    key = attribute.string();
                } else if (field == 2) {
                    Reader any = attribute.message();
                    while (any.more()) {
                        if (any.tag() == 1) {
                            value = any.string();
                        } else {
                            any.skip();
                        }
                    }
                } else {
                    attribute.skip();
                }
            }
            if ("service.name".equals(key) && value != null) {
                service = value;
            }
        }
        return service;
    }

    private static ReceivedSpan span(Reader span, String service) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        while (span.more()) {
            int field = span.tag();
            switch (field) {
                case 1 -> traceId = HexFormat.of().formatHex(span.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(span.bytes());
                case 4 -> parent = HexFormat.of().formatHex(span.bytes());
                case 5 -> name = span.string();
                case 6 -> kind = (int) span.varint();
                default -> span.skip();
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** The protobuf wire format, as far as reading a tag, a varint, a length-delimited field and skipping goes. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private final int end;
        private int wireType;

        Reader(byte[] data) {
            this(data, 0, data.length);
        }

        private Reader(byte[] data, int start, int end) {
            this.data = data;
            this.position = start;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[position++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        Reader message() {
            int length = (int) varint();
            Reader inner = new Reader(data, position, position + length);
            position += length;
            return inner;
        }

        byte[] bytes() {
            int length = (int) varint();
            byte[] value = java.util.Arrays.copyOfRange(data, position, position + length);
            position += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> {
                    int length = (int) varint(); // read before position is: "position += varint()" loses the advance
                    position += length;
                }
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
            }
        }
    }
}
