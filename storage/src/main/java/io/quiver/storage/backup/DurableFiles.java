package io.quiver.storage.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files written so that a crash leaves either the old content or the whole new one, on disk. */
final class DurableFiles {
    private DurableFiles() {
    }

    static void writeAtomically(Path file, byte[] content) {
        Path temporary = temporaryFor(file);
        try {
            Files.write(temporary, content);
            publish(temporary, file);
        } catch (IOException e) {
            throw Failures.io("could not write file \"" + file + "\"", e);
        }
    }

    static void copyAtomically(Path source, Path target) {
        Path temporary = temporaryFor(target);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            publish(temporary, target);
        } catch (IOException e) {
            throw Failures.io("could not copy file \"" + source + "\" to \"" + target + "\"", e);
        }
    }

    static Path temporaryFor(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Syncs a finished temporary file, moves it over its final name and syncs the directory. */
    static void publish(Path temporary, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
