package eu.taskforce.platform.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells what an attached document is from its bytes, never from what the client claims: PDF, plain UTF-8 text, an
 * OpenDocument file (ODF) or an Office Open XML file (OOXML). A small magic-bytes check rather than Apache Tika (tens of
 * megabytes of parsers for six formats): PDF by its {@code %PDF-} header; ODF by the ZIP header followed by the
 * uncompressed {@code mimetype} entry that the ODF specification requires first; OOXML by the ZIP header and the part
 * names {@code [Content_Types].xml} and the main part of a document, sheet or presentation (ZIP keeps names
 * uncompressed, so nothing is inflated: no zip bomb); text by valid UTF-8 without NUL or other control bytes. Every
 * check reads the bytes once, in order, so that a document is typed while it is streamed ({@link Sniffer}).
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

    /**
     * The first bytes kept: enough to tell a PDF or a ZIP and to read an OpenDocument's {@code mimetype} entry, which the
     * ODF specification puts first, stored and without an extra field (so within its first 140 bytes).
     */
    static final int HEAD_BYTES = 64 * 1024;

    /** The media type of the bytes, or empty when they are none of the accepted formats. */
    public static Optional<String> sniff(byte[] bytes) {
        Sniffer sniffer = new Sniffer();
        sniffer.update(bytes, 0, bytes.length);
        return sniffer.type();
    }

    /**
     * Tells the type of a document read piece by piece, split anywhere, without keeping it: the first
     * {@link #HEAD_BYTES} are kept, the part names of a ZIP are looked for in every byte (a ZIP lists them again at its
     * end), and text is checked byte by byte. {@link #type()} at the end says what {@link #sniff} says of the whole.
     */
    public static final class Sniffer {

        private final byte[] head = new byte[HEAD_BYTES];
        private int headLength;
        private long length;
        private final Utf8Text text = new Utf8Text();
        private final PartName contentTypes = new PartName("[Content_Types].xml");
        private final PartName document = new PartName("word/document.xml");
        private final PartName workbook = new PartName("xl/workbook.xml");
        private final PartName presentation = new PartName("ppt/presentation.xml");

        public void update(byte[] bytes, int offset, int count) {
            int kept = Math.min(count, head.length - headLength);
            System.arraycopy(bytes, offset, head, headLength, kept);
            headLength += kept;
            length += count;
            // only a ZIP has part names; a PDF or a ZIP is never text (their headers hold control bytes)
            boolean zip = mayStartWith(ZIP_MAGIC);
            for (int i = offset; i < offset + count; i++) {
                text.accept(bytes[i]);
                if (zip) {
                    contentTypes.accept(bytes[i]);
                    document.accept(bytes[i]);
                    workbook.accept(bytes[i]);
                    presentation.accept(bytes[i]);
                }
            }
        }

        /** No further bytes can make these a document of an accepted type: it can be refused without reading on. */
        public boolean refused() {
            return text.failed() && !mayStartWith(PDF_MAGIC) && !mayStartWith(ZIP_MAGIC);
        }

        /** The media type of the bytes read so far, or empty when they are none of the accepted formats. */
        public Optional<String> type() {
            if (startsWith(head, headLength, 0, PDF_MAGIC)) {
                return Optional.of(PDF);
            }
            if (length > 4 && startsWith(head, headLength, 0, ZIP_MAGIC)) {
                return zip();
            }
            return length > 0 && text.valid() ? Optional.of(TEXT) : Optional.empty();
        }

        private Optional<String> zip() {
            // ODF: the first entry is "mimetype", stored (method 0), and its content is exactly the document's type
            if (startsWith(head, headLength, 30, "mimetype") && littleEndian(head, 8, 2) == 0) {
                int size = littleEndian(head, 18, 4);
                int start = 30 + littleEndian(head, 26, 2) + littleEndian(head, 28, 2);
                if (size < 0 || size > 100 || start + size > headLength) {
                    return Optional.empty();
                }
                String type = new String(head, start, size, StandardCharsets.US_ASCII);
                return ODF.contains(type) ? Optional.of(type) : Optional.empty();
            }
            if (contentTypes.found()) {
                if (document.found()) {
                    return Optional.of(DOCX);
                }
                if (workbook.found()) {
                    return Optional.of(XLSX);
                }
                if (presentation.found()) {
                    return Optional.of(PPTX);
                }
            }
            return Optional.empty();
        }

        /** The bytes kept so far agree with the start of {@code magic} (all of it, once that many were read). */
        private boolean mayStartWith(String magic) {
            for (int i = 0; i < Math.min(headLength, magic.length()); i++) {
                if (head[i] != magic.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final String PDF_MAGIC = "%PDF-";
    private static final String ZIP_MAGIC = "PK\u0003\u0004";

    /**
     * UTF-8 without NUL or other control bytes (tab, line feed, form feed and carriage return are text), checked byte by
     * byte: what a strict decoder refuses (overlong forms, surrogates, beyond U+10FFFF, a sequence cut short) is not text.
     */
    static final class Utf8Text {

        private int pending;
        private int low = 0x80;
        private int high = 0xbf;
        private boolean failed;

        void accept(byte value) {
            if (failed) {
                return;
            }
            int b = value & 0xff;
            if (pending > 0) {
                // a continuation byte, in the narrower range the lead byte allows for the first one
                failed = b < low || b > high;
                pending--;
                low = 0x80;
                high = 0xbf;
            } else if (b < 0x80) {
                failed = b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' || b == 0x7f;
            } else if (b >= 0xc2 && b <= 0xdf) {
                pending = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                pending = 2;
                low = b == 0xe0 ? 0xa0 : 0x80; // no overlong form
                high = b == 0xed ? 0x9f : 0xbf; // no surrogate
            } else if (b >= 0xf0 && b <= 0xf4) {
                pending = 3;
                low = b == 0xf0 ? 0x90 : 0x80; // no overlong form
                high = b == 0xf4 ? 0x8f : 0xbf; // nothing beyond U+10FFFF
            } else {
                failed = true;
            }
        }

        boolean failed() {
            return failed;
        }

        boolean valid() {
            return !failed && pending == 0;
        }
    }

    /** One ASCII name looked for in a stream of bytes split anywhere (Knuth-Morris-Pratt: each byte is seen once). */
    static final class PartName {

        private final byte[] name;
        /** For each prefix of the name, the length of its longest proper prefix that is also its suffix. */
        private final int[] fallback;
        private int matched;
        private boolean found;

        PartName(String ascii) {
            name = ascii.getBytes(StandardCharsets.US_ASCII);
            fallback = new int[name.length];
            for (int i = 1, k = 0; i < name.length; i++) {
                while (k > 0 && name[i] != name[k]) {
                    k = fallback[k - 1];
                }
                if (name[i] == name[k]) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        void accept(byte b) {
            if (found) {
                return;
            }
            while (matched > 0 && name[matched] != b) {
                matched = fallback[matched - 1];
            }
            if (name[matched] == b) {
                matched++;
            }
            found = matched == name.length;
        }

        boolean found() {
            return found;
        }
    }

    private static int littleEndian(byte[] bytes, int offset, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    /** The first {@code length} of {@code bytes} hold {@code ascii} at {@code offset}. */
    private static boolean startsWith(byte[] bytes, int length, int offset, String ascii) {
        if (length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private AttachmentTypes() {
    }
}
