package eu.taskforce.guidance;

import eu.taskforce.platform.testing.Attachments;
import eu.taskforce.platform.testing.Attachments.Download;
import eu.taskforce.platform.testing.Attachments.Upload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static eu.taskforce.guidance.Guidance.EVIDENCE;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Evidence submissions: validated input (http(s) address, known commitments and measures), visibility, and the attached
 * document: size-limited (413), typed by its bytes (415 for anything else, or for bytes that contradict the declared
 * type), stored in chunks with its SHA-256, streamed in and out, and served as an attachment with the stored type only.
 */
@QuarkusTest
class EvidenceTest {

    @ConfigProperty(name = "taskforce.guidance.attachment-max-bytes")
    long maxBytes;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    /** Rows of at most 256 KiB: 700,000 bytes take three, within the module tests' limit of 1 MiB. */
    static final long THREE_CHUNKS = 700_000;

    long chunkRows(String evidence) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "select count(*) from evidence_attachment_chunk where evidence_id = ?::uuid")) {
            count.setString(1, evidence);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    @Test
    void badSubmissionsAreRefusedWithAProblemNamingTheField() {
        Map<String, Object> good = Guidance.evidence("Bad", "PUBLIC");
        for (String url : List.of("javascript:alert(1)", "ftp://example.org/x", "example.org/paper", "https://")) {
            MEMBER_A.request().body(with(good, "url", url)).post(EVIDENCE).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("url"));
        }
        MEMBER_A.request().body(with(good, "codeReferences", List.of("TRANSPARENCY-7"))).post(EVIDENCE).then()
                .statusCode(400).body("errors[0].field", equalTo("codeReferences[0]"))
                .body("errors[0].message", containsString("TRANSPARENCY-7"));
        MEMBER_A.request().body(with(good, "type", "GOSSIP")).post(EVIDENCE).then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        MEMBER_A.request().body(with(good, "summary", "")).post(EVIDENCE).then().statusCode(400)
                .body("errors.field", hasItem("summary"));
        MEMBER_A.request().body(with(good, "visibility", null)).post(EVIDENCE).then().statusCode(400)
                .body("errors.field", hasItem("visibility"));
    }

    @Test
    void confidentialEvidenceIsTheSubmittersAndTheAiOfficesAnonymousUnnamed() {
        String secret = Guidance.submit(MEMBER_A, Guidance.evidence("A's secret", "CONFIDENTIAL"));
        String anonymous = Guidance.submit(MEMBER_A, with(Guidance.evidence("A's anonymous", "PUBLIC"),
                "attribution", "ANONYMOUS"));
        String ofExpert = Guidance.submit(EXPERT, Guidance.evidence("Expert's", "CONFIDENTIAL"));
        MEMBER_B.request().queryParam("limit", 500).get(EVIDENCE).then().statusCode(200)
                .body("items.id", not(hasItem(secret))).body("items.id", not(hasItem(ofExpert)))
                .body("items.id", hasItem(anonymous));
        MEMBER_B.request().get(EVIDENCE + "/" + anonymous).then().statusCode(200).body("organisationId", nullValue())
                .body("submitterRole", equalTo("MEMBER"));
        MEMBER_A.request().get(EVIDENCE + "/" + anonymous).then().body("organisationId", equalTo(ORG_A.toString()))
                .body("own", equalTo(true));
        MEMBER_A.request().get(EVIDENCE + "/" + secret).then().statusCode(200);
        EXPERT.request().get(EVIDENCE + "/" + ofExpert).then().statusCode(200).body("submitterRole", equalTo("STAKEHOLDER"));
        OFFICE.request().queryParam("type", "RESEARCH").queryParam("codeReference", "SAFETY_AND_SECURITY-3.2")
                .queryParam("limit", 500).get(EVIDENCE).then().body("items.id", hasItem(secret));
    }

    @Test
    void aPdfIsStoredWithItsDigestAndServedAsAnAttachmentOfItsOwnType() throws Exception {
        String id = Guidance.submit(MEMBER_A, Guidance.evidence("With a PDF", "PUBLIC"));
        String path = EVIDENCE + "/" + id + "/attachment";
        // the client's name is reduced to safe characters; its claimed type must agree with the bytes
        MEMBER_A.request().contentType("application/octet-stream").queryParam("filename", "../../etc/\"report\".pdf")
                .body(PDF).put(path).then().statusCode(200)
                .body("attachment.mediaType", equalTo("application/pdf"))
                .body("attachment.size", equalTo(PDF.length))
                .body("attachment.name", equalTo("_report_.pdf"))
                .body("attachment.sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF))));
        var download = MEMBER_B.request().get(path).then().statusCode(200).extract();
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"_report_.pdf\"");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.asByteArray()).isEqualTo(PDF);
        // an HTML page sent as text is stored and served as text/plain, never as HTML
        String html = Guidance.submit(MEMBER_A, Guidance.evidence("With text", "PUBLIC"));
        MEMBER_A.request().contentType("application/octet-stream").body("<script>alert(1)</script>".getBytes())
                .put(EVIDENCE + "/" + html + "/attachment").then().statusCode(200)
                .body("attachment.mediaType", equalTo("text/plain"));
        assertThat(MEMBER_B.request().get(EVIDENCE + "/" + html + "/attachment").then().extract().contentType())
                .startsWith("text/plain");
    }

    @Test
    void officeDocumentsAreRecognisedByTheirBytes() throws IOException {
        String id = Guidance.submit(EXPERT, Guidance.evidence("With documents", "PUBLIC"));
        String path = EVIDENCE + "/" + id + "/attachment";
        EXPERT.request().contentType("application/octet-stream").body(zip(true, "mimetype",
                "application/vnd.oasis.opendocument.text", "content.xml", "<office/>")).put(path).then().statusCode(200)
                .body("attachment.mediaType", equalTo("application/vnd.oasis.opendocument.text"));
        EXPERT.request().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .body(zip(false, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")).put(path)
                .then().statusCode(200).body("attachment.mediaType",
                        equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        // any other ZIP (a jar, an archive of scripts) is refused
        EXPERT.request().contentType("application/octet-stream").body(zip(false, "evil.sh", "rm -rf /")).put(path)
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
    }

    @Test
    void oversizedMistypedAndEmptyAttachmentsAreRefused() {
        String id = Guidance.submit(MEMBER_A, Guidance.evidence("Refused attachments", "PUBLIC"));
        String path = EVIDENCE + "/" + id + "/attachment";
        byte[] large = new byte[(int) maxBytes + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        MEMBER_A.request().contentType("text/plain").body(large).put(path).then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
        MEMBER_A.request().contentType("image/png").body(PNG).put(path).then().statusCode(415)
                .contentType(startsWith("application/problem+json"));
        MEMBER_A.request().contentType("application/pdf").body("just text".getBytes()).put(path).then()
                .statusCode(415).body("detail", containsString("text/plain"));
        MEMBER_A.request().contentType("application/octet-stream").body(new byte[0]).put(path).then().statusCode(400);
        MEMBER_A.request().get(path).then().statusCode(404);
        MEMBER_A.request().get(EVIDENCE + "/" + id).then().body("attachment", nullValue());
        byte[] exactly = new byte[(int) maxBytes];
        java.util.Arrays.fill(exactly, (byte) 'a');
        MEMBER_A.request().contentType("text/plain").body(exactly).put(path).then().statusCode(200)
                .body("attachment.size", equalTo((int) maxBytes));
    }

    @Test
    void aDocumentOfSeveralChunksIsStreamedInAndOutWhole() throws Exception {
        String id = Guidance.submit(MEMBER_A, Guidance.evidence("Several chunks", "PUBLIC"));
        Upload upload = Attachments.put(base, MEMBER_A, Guidance.attachment(id), THREE_CHUNKS, 1, true);
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        String sha256 = Attachments.sha256(THREE_CHUNKS, 1);
        assertThat(new JsonPath(upload.body()).getString("attachment.sha256")).isEqualTo(sha256);
        assertThat(new JsonPath(upload.body()).getLong("attachment.size")).isEqualTo(THREE_CHUNKS);
        assertThat(chunkRows(id)).isEqualTo(3);
        Download download = Attachments.get(base, MEMBER_B, Guidance.attachment(id));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Length")).contains(String.valueOf(THREE_CHUNKS));
        assertThat(download.length()).isEqualTo(THREE_CHUNKS);
        assertThat(download.sha256()).isEqualTo(sha256);
        assertThat(download.headers().firstValue("Repr-Digest")).contains("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
        assertThat(download.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"attachment\"");
        // sent chunked, without a Content-Length, it is counted and stored the same way
        Upload chunked = Attachments.put(base, MEMBER_A, Guidance.attachment(id), THREE_CHUNKS - 1, 2, false);
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(200);
        assertThat(Attachments.get(base, MEMBER_B, Guidance.attachment(id)).sha256()).isEqualTo(Attachments.sha256(THREE_CHUNKS - 1, 2));
    }

    @Test
    void aReplacedDocumentLeavesNoChunkBehindAndARefusedOneReplacesNothing() throws Exception {
        String id = Guidance.submit(MEMBER_A, Guidance.evidence("Replaced", "PUBLIC"));
        String path = EVIDENCE + "/" + id + "/attachment";
        assertThat(Attachments.put(base, MEMBER_A, Guidance.attachment(id), THREE_CHUNKS, 3, true).status()).isEqualTo(200);
        MEMBER_A.request().contentType("text/plain").body("short".getBytes(StandardCharsets.UTF_8)).put(path).then()
                .statusCode(200).body("attachment.size", equalTo(5));
        assertThat(chunkRows(id)).isEqualTo(1);
        assertThat(MEMBER_B.request().get(path).then().statusCode(200).extract().asString()).isEqualTo("short");
        // refused after some chunks were written (too long without a Content-Length; a PDF said to be text): the
        // transaction that deleted the previous document's chunks is rolled back with them
        Upload tooLong = Attachments.put(base, MEMBER_A, Guidance.attachment(id), maxBytes + 1, 4, false);
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        MEMBER_A.request().contentType("text/plain").body(pdfOf(THREE_CHUNKS)).put(path).then().statusCode(415);
        assertThat(MEMBER_B.request().get(path).then().statusCode(200).extract().asString()).isEqualTo("short");
        assertThat(chunkRows(id)).isEqualTo(1);
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        String id = Guidance.submit(MEMBER_A, Guidance.evidence("Announced too large", "PUBLIC"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + EVIDENCE + "/" + id + "/attachment HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nAuthorization: Bearer " + MEMBER_A.token() + "\r\nContent-Type: application/pdf"
                    + "\r\nContent-Length: " + (maxBytes + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // not one byte of the body is sent: an answer now is an answer that did not wait for it
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase());
            }
            assertThat(headers).anyMatch(h -> h.startsWith("content-type: application/problem+json"));
        }
        MEMBER_A.request().get(EVIDENCE + "/" + id).then().body("attachment", nullValue());
    }

    @Test
    void anUploadSlowerThanItsTimeoutIsRefused() throws Exception {
        // the module tests allow an upload 5 s (application.properties); this client sends a byte every half second
        String id = Guidance.submit(MEMBER_A, Guidance.evidence("Sent slowly", "PUBLIC"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + EVIDENCE + "/" + id + "/attachment HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nAuthorization: Bearer " + MEMBER_A.token() + "\r\nContent-Type: text/plain"
                    + "\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            for (int i = 0; i < 40 && socket.getInputStream().available() == 0; i++) {
                out.write('a');
                out.flush();
                Thread.sleep(500);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 408");
            assertThat((System.nanoTime() - start) / 1_000_000_000).isBetween(4L, 10L);
        }
        MEMBER_A.request().get(EVIDENCE + "/" + id).then().body("attachment", nullValue());
    }

    /** A PDF of {@code size} bytes, whole in memory (small enough for RestAssured). */
    static byte[] pdfOf(long size) throws IOException {
        try (var in = Attachments.pdf(size, 5)) {
            return in.readAllBytes();
        }
    }

    static byte[] zip(boolean storedFirst, String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                if (storedFirst && i == 0) { // ODF: the mimetype entry first and uncompressed
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(content);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
