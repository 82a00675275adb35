package org.promiseledger.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The one hash of the product: rule-set versions, input fingerprints and the ledger's hash chain all use it. */
public final class Sha256 {

    private Sha256() {
    }

    /** One digest per thread: the ledger hashes hundreds of thousands of rows, and looking up a digest costs more than a row. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);
    private static final HexFormat HEX = HexFormat.of();

    public static String hex(String text) {
        // digest() resets the digest for the next use
        return HEX.formatHex(DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Hashes named files as docs/semantics.md defines for the rule-set version: for each entry in the map's order, its
     * name, a NUL, its bytes, a NUL. A name whose path does not exist contributes its name and two NULs.
     */
    public static String ofFiles(Map<String, Path> filesByName) {
        MessageDigest digest = newDigest();
        filesByName.forEach((name, path) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (Files.isRegularFile(path)) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
                }
            }
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
