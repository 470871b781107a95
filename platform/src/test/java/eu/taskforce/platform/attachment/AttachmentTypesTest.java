package eu.taskforce.platform.attachment;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

    /** What a {@link AttachmentTypes.Sniffer} fed {@code bytes} in pieces of {@code piece} bytes says. */
    static Optional<String> inPieces(byte[] bytes, int piece) {
        AttachmentTypes.Sniffer sniffer = new AttachmentTypes.Sniffer();
        for (int offset = 0; offset < bytes.length; offset += piece) {
            sniffer.update(bytes, offset, Math.min(piece, bytes.length - offset));
        }
        return sniffer.type();
    }

    @Test
    void bytesReadInPiecesOfAnySizeAreTypedAsWhole() throws IOException {
        byte[][] samples = {ascii("%PDF-1.7\n%\u00e2\u00e3"), odf("application/vnd.oasis.opendocument.spreadsheet", true),
                zip("[Content_Types].xml", "xl/workbook.xml"), zip("ppt/slides/x.xml", "[Content_Types].xml", "ppt/presentation.xml"),
                zip("[Content_Types].xml", "other.xml"), "Résumé ✓ 𝄞 end".getBytes(StandardCharsets.UTF_8),
                new byte[] {'a', (byte) 0xe2, (byte) 0x9c}, new byte[] {'P', 'K', 3, 4, 0}};
        for (byte[] sample : samples) {
            Optional<String> whole = AttachmentTypes.sniff(sample);
            for (int piece = 1; piece <= sample.length; piece++) {
                assertThat(inPieces(sample, piece)).as("pieces of %d", piece).isEqualTo(whole);
            }
        }
        // a multi-byte character or a part name cut between two pieces is still seen whole
        assertThat(inPieces("✓✓".getBytes(StandardCharsets.UTF_8), 2)).contains(AttachmentTypes.TEXT);
        assertThat(inPieces(ascii("PK\u0003\u0004 [Content_Types].xml word/document.xml"), 7)).contains(AttachmentTypes.DOCX);
    }

    @Test
    void aPartNameIsFoundAfterARepeatedStartOfIt() {
        // the matcher falls back to the longest prefix it has seen, rather than starting again after the mismatch
        assertThat(AttachmentTypes.sniff(ascii("PK\u0003\u0004 [[Content_Types].xml ppt/ppt/presentation.xml")))
                .contains(AttachmentTypes.PPTX);
        assertThat(AttachmentTypes.sniff(ascii("PK\u0003\u0004 [Content_Types].xml xl/xl/workbook.xml")))
                .contains(AttachmentTypes.XLSX);
        // and never further: "ppt/p" then "t" is no "ppt"
        assertThat(AttachmentTypes.sniff(ascii("PK\u0003\u0004 [Content_Types].xml ppt/pt/presentation.xml"))).isEmpty();
        assertThat(AttachmentTypes.sniff(ascii("PK\u0003\u0004 [Content_Types].xml ppt/presentation.xm"))).isEmpty();
    }

    @Test
    void aPartNameIsFoundExactlyWhereItOccurs() {
        // texts made of starts of the name and its letters: partial matches that break off everywhere
        java.util.Random random = new java.util.Random(15);
        for (String name : new String[] {"ppt/presentation.xml", "xl/workbook.xml", "aabaaab", "abbabbbb", "abab"}) {
            for (int n = 0; n < 3000; n++) {
                StringBuilder text = new StringBuilder();
                while (text.length() < 40) {
                    if (random.nextBoolean()) {
                        text.append(name, 0, 1 + random.nextInt(name.length()));
                    } else {
                        text.append(name.charAt(random.nextInt(name.length())));
                    }
                }
                AttachmentTypes.PartName part = new AttachmentTypes.PartName(name);
                for (byte b : ascii(text.toString())) {
                    part.accept(b);
                }
                assertThat(part.found()).as("%s in %s", name, text).isEqualTo(text.toString().contains(name));
            }
        }
        // a text that a wrong fallback table takes for a match
        AttachmentTypes.PartName part = new AttachmentTypes.PartName("abbabbbb");
        for (byte b : ascii("abbaabababbabbbabbbb")) {
            part.accept(b);
        }
        assertThat(part.found()).isFalse();
    }

    @Test
    void whatLiesBeyondTheKeptHeadIsStillRead() throws IOException {
        // a large first entry puts every part name, and the central directory, past the first 64 KiB
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/media/image1.bin"));
            byte[] noise = new byte[100_000];
            new java.util.Random(7).nextBytes(noise);
            zip.write(noise);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.closeEntry();
        }
        byte[] docx = bytes.toByteArray();
        assertThat(AttachmentTypes.sniff(docx)).contains(AttachmentTypes.DOCX);
        assertThat(inPieces(docx, 4096)).contains(AttachmentTypes.DOCX);
        // a control byte far into a text
        byte[] text = ascii("a".repeat(AttachmentTypes.HEAD_BYTES + 10));
        assertThat(AttachmentTypes.sniff(text)).contains(AttachmentTypes.TEXT);
        text[AttachmentTypes.HEAD_BYTES + 5] = 0;
        assertThat(inPieces(text, 1000)).isEmpty();
    }

    @Test
    void aPartNameInAPdfOrTextCountsForNothing() {
        assertThat(AttachmentTypes.sniff(ascii("%PDF-1.7 [Content_Types].xml word/document.xml"))).contains(AttachmentTypes.PDF);
        assertThat(AttachmentTypes.sniff(ascii("[Content_Types].xml word/document.xml"))).contains(AttachmentTypes.TEXT);
    }

    @Test
    void utf8IsCheckedAsAStrictDecoderWould() {
        int[][] valid = {{0xc2, 0x80}, {0xdf, 0xbf}, {0xe0, 0xa0, 0x80}, {0xe1, 0x80, 0x80}, {0xed, 0x9f, 0xbf},
                {0xef, 0xbf, 0xbf}, {0xf0, 0x90, 0x80, 0x80}, {0xf3, 0xbf, 0xbf, 0xbf}, {0xf4, 0x8f, 0xbf, 0xbf}};
        int[][] invalid = {{0xc0, 0x80}, {0xc1, 0xbf}, {0xc2, 0x7f}, {0xc2, 0xc0}, {0xe0, 0x9f, 0xbf}, {0xed, 0xa0, 0x80},
                {0xe1, 0x80}, {0xf0, 0x8f, 0xbf, 0xbf}, {0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80, 0x80, 0x80}, {0xff},
                {0x80}, {0xe1, 0x80, 0x7f}, {0xf1, 0x80, 0x80, 0xc0}};
        for (int[] sequence : valid) {
            assertThat(AttachmentTypes.sniff(bytes('x', sequence))).as(HexFormat.of().formatHex(bytes(' ', sequence)))
                    .contains(AttachmentTypes.TEXT);
        }
        for (int[] sequence : invalid) {
            assertThat(AttachmentTypes.sniff(bytes('x', sequence))).as(HexFormat.of().formatHex(bytes(' ', sequence)))
                    .isEmpty();
        }
        // after a valid multi-byte character the next continuation byte must follow a new lead byte
        assertThat(AttachmentTypes.sniff(bytes('x', new int[] {0xe0, 0xa0, 0x80, 0x80}))).isEmpty();
        assertThat(AttachmentTypes.sniff(bytes('x', new int[] {0xf0, 0x90, 0x80, 0x80, 0x41}))).contains(AttachmentTypes.TEXT);
    }

    static byte[] bytes(char first, int[] sequence) {
        byte[] bytes = new byte[sequence.length + 1];
        bytes[0] = (byte) first;
        for (int i = 0; i < sequence.length; i++) {
            bytes[i + 1] = (byte) sequence[i];
        }
        return bytes;
    }

    @Test
    void whatCanNoLongerBeADocumentIsRefusedBeforeItsEnd() {
        AttachmentTypes.Sniffer binary = new AttachmentTypes.Sniffer();
        binary.update(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 0, 4);
        assertThat(binary.refused()).isTrue();
        AttachmentTypes.Sniffer text = new AttachmentTypes.Sniffer();
        text.update(ascii("plain text, then"), 0, 16);
        assertThat(text.refused()).isFalse();
        text.update(new byte[] {0}, 0, 1);
        assertThat(text.refused()).isTrue();
        // a PDF or a ZIP is typed at its end, whatever comes first; so is what may still become one
        for (String start : new String[] {"%PDF-\u0000", "PK\u0003\u0004\u0000", "%P", "PK\u0003"}) {
            AttachmentTypes.Sniffer sniffer = new AttachmentTypes.Sniffer();
            sniffer.update(ascii(start), 0, start.length());
            assertThat(sniffer.refused()).as(start).isFalse();
        }
        AttachmentTypes.Sniffer neither = new AttachmentTypes.Sniffer();
        neither.update(ascii("%PK\u0000"), 0, 4);
        assertThat(neither.refused()).isTrue();
    }
}
