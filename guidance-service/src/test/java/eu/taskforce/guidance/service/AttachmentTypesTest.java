package eu.taskforce.guidance.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What an attachment is, from its bytes alone: real ZIP files made here, headers and text edge cases. */
class AttachmentTypesTest {

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A ZIP whose first entry is {@code mimetype}, stored or deflated, then a content entry. */
    static byte[] odf(String mimetype, boolean stored) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] type = ascii(mimetype);
            ZipEntry entry = new ZipEntry("mimetype");
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(type);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(type.length);
                entry.setCompressedSize(type.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(ascii("<office:document-content/>"));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(ascii("<xml/>"));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A ZIP local header for a stored "mimetype" entry claiming {@code size} bytes, followed by {@code content}. */
    static byte[] mimetypeHeader(int size, String content) {
        return mimetypeHeader(size, "", content);
    }

    /** The same with an extra field after the name (its length is in the header too). */
    static byte[] mimetypeHeader(int size, String extra, String content) {
        ByteBuffer header = ByteBuffer.allocate(30 + 8 + extra.length() + content.length())
                .order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("PK")).put((byte) 3).put((byte) 4).putShort((short) 10).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(size).putInt(size)
                .putShort((short) 8).putShort((short) extra.length()).put(ascii("mimetype")).put(ascii(extra))
                .put(ascii(content));
        return header.array();
    }

    @Test
    void aPdfIsKnownByItsHeader() {
        assertThat(AttachmentTypes.sniff(ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).contains(AttachmentTypes.PDF);
        assertThat(AttachmentTypes.sniff(ascii("%PDF-"))).contains(AttachmentTypes.PDF);
        // without the dash it is only text
        assertThat(AttachmentTypes.sniff(ascii("%PDF"))).contains(AttachmentTypes.TEXT);
        assertThat(AttachmentTypes.sniff(ascii("x%PDF-1.7"))).contains(AttachmentTypes.TEXT);
    }

    @Test
    void anOpenDocumentIsKnownByItsStoredMimetypeEntry() throws IOException {
        for (String kind : new String[] {"text", "spreadsheet", "presentation"}) {
            String type = "application/vnd.oasis.opendocument." + kind;
            assertThat(AttachmentTypes.sniff(odf(type, true))).contains(type);
        }
        assertThat(AttachmentTypes.sniff(odf("application/vnd.oasis.opendocument.graphics", true))).isEmpty();
        assertThat(AttachmentTypes.sniff(odf("application/vnd.oasis.opendocument.text", false))).isEmpty();
    }

    @Test
    void aMimetypeEntryWhoseSizeIsImplausibleOrBeyondTheBytesIsNothing() {
        String type = "application/vnd.oasis.opendocument.text";
        assertThat(AttachmentTypes.sniff(mimetypeHeader(type.length(), type))).contains(type);
        assertThat(AttachmentTypes.sniff(mimetypeHeader(type.length() + 1, type))).isEmpty();
        assertThat(AttachmentTypes.sniff(mimetypeHeader(101, type + "x".repeat(101 - type.length())))).isEmpty();
        assertThat(AttachmentTypes.sniff(mimetypeHeader(100, type + "x".repeat(100 - type.length())))).isEmpty();
        assertThat(AttachmentTypes.sniff(mimetypeHeader(-1, type))).isEmpty();
        assertThat(AttachmentTypes.sniff(mimetypeHeader(0, ""))).isEmpty();
        // sizes are little-endian: 256 + the type's length is far beyond 100, not the type's length
        assertThat(AttachmentTypes.sniff(mimetypeHeader(256 + type.length(), type + "x".repeat(256)))).isEmpty();
        // the type follows the name and the extra field
        assertThat(AttachmentTypes.sniff(mimetypeHeader(type.length(), "\u0001\u0002ab", type))).contains(type);
    }

    @Test
    void anOfficeOpenXmlFileIsKnownByItsPartNames() throws IOException {
        assertThat(AttachmentTypes.sniff(zip("[Content_Types].xml", "word/document.xml"))).contains(AttachmentTypes.DOCX);
        assertThat(AttachmentTypes.sniff(zip("[Content_Types].xml", "xl/workbook.xml"))).contains(AttachmentTypes.XLSX);
        assertThat(AttachmentTypes.sniff(zip("[Content_Types].xml", "ppt/presentation.xml")))
                .contains(AttachmentTypes.PPTX);
        assertThat(AttachmentTypes.sniff(zip("[Content_Types].xml", "other.xml"))).isEmpty();
        assertThat(AttachmentTypes.sniff(zip("word/document.xml"))).isEmpty();
        assertThat(AttachmentTypes.sniff(zip("readme.txt"))).isEmpty();
        // a part name at the very end of the bytes counts
        assertThat(AttachmentTypes.sniff(ascii("PK\u0003\u0004 [Content_Types].xml word/document.xml")))
                .contains(AttachmentTypes.DOCX);
        assertThat(AttachmentTypes.sniff(ascii("PK\u0003\u0004 [Content_Types].xml word/document.xm"))).isEmpty();
    }

    @Test
    void aZipHeaderAloneIsNothing() {
        assertThat(AttachmentTypes.sniff(new byte[] {'P', 'K', 3, 4})).isEmpty();
        assertThat(AttachmentTypes.sniff(new byte[] {'P', 'K', 3, 4, 0})).isEmpty();
        assertThat(AttachmentTypes.sniff(new byte[] {'P', 'K', 3, 5, 'a'})).isEmpty();
    }

    @Test
    void textIsValidUtf8WithoutControlBytes() {
        assertThat(AttachmentTypes.sniff("Findings:\r\n\tsee annex\f é ✓".getBytes(StandardCharsets.UTF_8)))
                .contains(AttachmentTypes.TEXT);
        assertThat(AttachmentTypes.sniff(ascii(" ~"))).contains(AttachmentTypes.TEXT);
        assertThat(AttachmentTypes.sniff(new byte[0])).isEmpty();
        for (byte control : new byte[] {0, 1, 0x1b, 0x1f, 0x7f, 0x0b}) {
            assertThat(AttachmentTypes.sniff(new byte[] {'a', control, 'b'})).as("byte %d", control).isEqualTo(Optional.empty());
        }
        assertThat(AttachmentTypes.sniff(new byte[] {'a', (byte) 0xc3, 0x28})).isEmpty(); // malformed UTF-8
        assertThat(AttachmentTypes.sniff(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isEmpty(); // a surrogate
    }
}
