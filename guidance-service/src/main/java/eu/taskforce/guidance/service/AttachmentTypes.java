package eu.taskforce.guidance.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells what an attached document is from its bytes, never from what the client claims: PDF, plain UTF-8 text, an
 * OpenDocument file (ODF) or an Office Open XML file (OOXML). A small magic-bytes check rather than Apache Tika (tens of
 * megabytes of parsers for six formats): PDF by its {@code %PDF-} header; ODF by the ZIP header followed by the
 * uncompressed {@code mimetype} entry that the ODF specification requires first; OOXML by the ZIP header and the part
 * names {@code [Content_Types].xml} and the main part of a document, sheet or presentation (ZIP keeps names
 * uncompressed, so nothing is inflated: no zip bomb); text by valid UTF-8 without NUL or other control bytes.
 */
public final class AttachmentTypes {

    public static final String PDF = "application/pdf";
    public static final String TEXT = "text/plain";
    static final String ODF_PREFIX = "application/vnd.oasis.opendocument.";
    static final java.util.Set<String> ODF = java.util.Set.of(ODF_PREFIX + "text", ODF_PREFIX + "spreadsheet",
            ODF_PREFIX + "presentation");
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    /** The media type of the bytes, or empty when they are none of the accepted formats. */
    public static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return zip(bytes);
        }
        return text(bytes) ? Optional.of(TEXT) : Optional.empty();
    }

    private static Optional<String> zip(byte[] bytes) {
        // ODF: the first entry is "mimetype", stored (method 0), and its content is exactly the document's type
        if (startsWith(bytes, 30, "mimetype") && littleEndian(bytes, 8, 2) == 0) {
            int size = littleEndian(bytes, 18, 4);
            int start = 30 + littleEndian(bytes, 26, 2) + littleEndian(bytes, 28, 2);
            if (size < 0 || size > 100 || start + size > bytes.length) {
                return Optional.empty();
            }
            String type = new String(bytes, start, size, StandardCharsets.US_ASCII);
            return ODF.contains(type) ? Optional.of(type) : Optional.empty();
        }
        if (contains(bytes, "[Content_Types].xml")) {
            if (contains(bytes, "word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (contains(bytes, "xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            if (contains(bytes, "ppt/presentation.xml")) {
                return Optional.of(PPTX);
            }
        }
        return Optional.empty();
    }

    private static boolean text(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7f) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int littleEndian(byte[] bytes, int offset, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        if (bytes.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private AttachmentTypes() {
    }
}
