package io.quiver.storage;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.io.FileCrc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A checksum of the whole data file, written beside it ({@code quiver.mv.db.sum}) when the engine closes
 * cleanly and checked on the next open. MVStore's own checks find a file cut short or with a broken header,
 * but not bytes changed inside its pages; this finds those for a file that was closed cleanly. The sum is
 * removed on open, before anything is written, so a crash never leaves a stale one behind.
 */
final class DataFileChecksum {
    private static final String SUFFIX = ".sum";

    private DataFileChecksum() {
    }

    /** Records the closed file's size and checksum. */
    static void record(Path file) {
        Path sum = sumOf(file);
        Path temporary = sum.resolveSibling(sum.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, Files.size(file) + " " + Long.toHexString(FileCrc.of(file)) + "\n");
            Files.move(temporary, sum, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not write file \"" + sum + "\": " + e.getMessage(), e);
        }
    }

    /** Checks the file against the sum recorded at its clean close, if there is one, then removes the sum. */
    static void verifyAndRemove(Path file) {
        Path sum = sumOf(file);
        String recorded;
        try {
            recorded = Files.readString(sum, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return; // never closed cleanly (new, or recovering from a crash): MVStore's own checks apply
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not read file \"" + sum + "\": " + e.getMessage(), e);
        }
        try {
            if (Files.exists(file)) {
                String actual = Files.size(file) + " " + Long.toHexString(FileCrc.of(file));
                if (!actual.equals(recorded)) {
                    throw new QuiverException(SqlState.DATA_CORRUPTED, "data file \"" + file + "\" is corrupted: "
                            + "its size and checksum (" + actual + ") differ from those recorded when it was closed ("
                            + recorded + ")");
                }
            }
            Files.delete(sum);
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not read file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    private static Path sumOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

}
