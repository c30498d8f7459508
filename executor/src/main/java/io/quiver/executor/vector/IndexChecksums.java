package io.quiver.executor.vector;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import io.quiver.common.io.FileCrc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code checksums} in a saved index's directory: the size and CRC-32C of each file the index wrote, so a
 * damaged or truncated index file is found before it is loaded (and the index rebuilt from the rows instead).
 */
final class IndexChecksums {
    static final String FILE_NAME = "checksums";

    private IndexChecksums() {
    }

    /** Records every file of a freshly saved index. */
    static void write(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : indexFiles(directory)) {
            lines.add(file.getFileName() + " " + Files.size(file) + " " + Long.toHexString(FileCrc.of(file)));
        }
        Path temporary = directory.resolve(FILE_NAME + ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Fails with 58030 or XX001, naming the file, when a recorded file is missing or differs. */
    static void verify(Path directory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new QuiverException(SqlState.DATA_CORRUPTED, "index directory \"" + directory
                    + "\" has no " + FILE_NAME + " file");
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not read file \"" + directory.resolve(FILE_NAME)
                    + "\": " + e.getMessage(), e);
        }
        for (String line : lines) {
            String[] parts = line.split(" ");
            Path file = directory.resolve(parts[0]);
            try {
                String actual = Files.size(file) + " " + Long.toHexString(FileCrc.of(file));
                if (parts.length != 3 || !actual.equals(parts[1] + " " + parts[2])) {
                    throw new QuiverException(SqlState.DATA_CORRUPTED, "index file \"" + file
                            + "\" is corrupted: its size and checksum (" + actual + ") differ from those recorded when it was saved");
                }
            } catch (IOException e) {
                throw new QuiverException(SqlState.IO_ERROR, "could not read file \"" + file + "\": " + e.getMessage(), e);
            }
        }
    }

    private static List<Path> indexFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(FILE_NAME))
                    .filter(f -> !f.getFileName().toString().endsWith(".tmp"))
                    .sorted().toList();
        }
    }

}
