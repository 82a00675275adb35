package org.promiseledger.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the first byte of a file that is not UTF-8, by physical line. A buffered reader reports a bad byte when it
 * fills its buffer, thousands of characters before the parser reaches it, so the line the parser was on says nothing;
 * this decodes the raw bytes again, only once a file has already failed, and counts the line ends before the bad byte.
 * Public for {@code NumberedRecords} in {@code org.promiseledger.ingest}.
 */
public final class Utf8Check {

    /** Where the bad byte is: 1-based line and character column, 0-based byte offset in the file, and the byte. */
    public record BadByte(long line, long column, long offset, int value) {

        /** "line 4, column 12 (byte 0xE9 at offset 187, 'é' in Windows-1252)" */
        public String describe() {
            String guess = "";
            if (value >= 0x80 && Charset.isSupported("windows-1252")) {
                String legacy = new String(new byte[] {(byte) value}, Charset.forName("windows-1252"));
                if (legacy.codePointAt(0) >= 0xA0) {
                    guess = ", '" + legacy + "' in Windows-1252";
                }
            }
            return "line " + line + ", column " + column + " (byte 0x" + String.format("%02X", value) + " at offset " + offset + guess + ")";
        }
    }

    private static final int BUFFER = 1 << 16;

    private Utf8Check() {
    }

    /**
     * The first byte of {@code file} that does not decode as UTF-8, or empty if the whole file decodes.
     *
     * @throws IOException if the file cannot be read
     */
    public static Optional<BadByte> firstBadByte(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long base = 0; // file offset of bytes[0]
        long line = 1;
        long column = 0; // characters decoded so far on the current line
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                CoderResult result;
                do {
                    int from = bytes.position();
                    chars.clear();
                    result = decoder.decode(bytes, chars, end);
                    for (int i = from; i < bytes.position(); i++) {
                        byte b = bytes.get(i);
                        if (b == '\n') {
                            line++;
                            column = 0;
                        } else if ((b & 0xC0) != 0x80) {
                            column++;
                        }
                    }
                    if (result.isError()) {
                        int at = bytes.position();
                        return Optional.of(new BadByte(line, column + 1, base + at, bytes.get(at) & 0xFF));
                    }
                } while (result.isOverflow());
                if (end) {
                    return Optional.empty();
                }
                base += bytes.position();
                bytes.compact();
            }
        }
    }
}
