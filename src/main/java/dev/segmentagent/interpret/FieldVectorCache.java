package dev.segmentagent.interpret;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Field vectors on disk, keyed by a hash of the embedding model and every field text. Any change to a name,
 * description, synonym or unit (or the order of fields) gives a new key, so a stale file is never read; it is
 * simply not found. Files are written to a temporary name and moved, so a crash never leaves half a file.
 */
final class FieldVectorCache {

    private static final int MAGIC = 0x53414656; // "SAFV"

    private final Path directory;

    FieldVectorCache(Path directory) {
        this.directory = directory;
    }

    static String key(String modelId, List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(modelId.getBytes(StandardCharsets.UTF_8));
            for (String text : texts) {
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Path file(String key) {
        return directory.resolve("field-vectors-" + key + ".bin");
    }

    /** The stored row-major matrix, or empty when absent or not of the expected shape. */
    Optional<float[]> read(String key, int rows, int dimension) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != rows || in.readInt() != dimension) {
                return Optional.empty();
            }
            float[] matrix = new float[rows * dimension];
            for (int i = 0; i < matrix.length; i++) {
                matrix[i] = in.readFloat();
            }
            return Optional.of(matrix);
        } catch (IOException e) {
            return Optional.empty(); // a damaged cache costs one re-embedding, never a failed start
        }
    }

    void write(String key, int rows, int dimension, float[] matrix) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "field-vectors-", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(rows);
                out.writeInt(dimension);
                for (float value : matrix) {
                    out.writeFloat(value);
                }
            }
            Files.move(temp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write field vectors under " + directory, e);
        }
    }
}
