package eu.taskforce.guidance;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * type), stored with its SHA-256 and served as an attachment with the stored type only.
 */
@QuarkusTest
class EvidenceTest {

    @ConfigProperty(name = "taskforce.guidance.attachment-max-bytes")
    long maxBytes;

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
