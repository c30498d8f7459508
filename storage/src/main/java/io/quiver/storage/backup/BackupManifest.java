package io.quiver.storage.backup;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code backup.manifest}: what a backup directory holds. The full backup is the snapshot at {@code baseLsn}
 * (taken at {@code baseMicros}); incremental backups added the change log up to {@code lastLsn}
 * ({@code lastMicros}).
 */
record BackupManifest(String logId, long baseLsn, long baseMicros, long lastLsn, long lastMicros) {
    static final String FILE_NAME = "backup.manifest";
    private static final String FORMAT = "1";

    static boolean exists(Path directory) {
        return Files.exists(directory.resolve(FILE_NAME));
    }

    static BackupManifest read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new QuiverException(SqlState.UNDEFINED_FILE, "\"" + directory + "\" holds no Quiver backup: "
                    + "could not open file \"" + file + "\": No such file or directory");
        } catch (IOException | IllegalArgumentException e) {
            throw Failures.corrupted(file, e.getMessage());
        }
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw Failures.corrupted(file, "unknown format " + properties.getProperty("format"));
        }
        try {
            return new BackupManifest(required(properties, file, "log_id"),
                    Long.parseLong(required(properties, file, "base_lsn")),
                    Long.parseLong(required(properties, file, "base_micros")),
                    Long.parseLong(required(properties, file, "last_lsn")),
                    Long.parseLong(required(properties, file, "last_micros")));
        } catch (NumberFormatException e) {
            throw Failures.corrupted(file, e.getMessage());
        }
    }

    /** Replaces the manifest atomically: a crash leaves the old one or the new one. */
    void write(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("log_id", logId);
        properties.setProperty("base_lsn", Long.toString(baseLsn));
        properties.setProperty("base_micros", Long.toString(baseMicros));
        properties.setProperty("last_lsn", Long.toString(lastLsn));
        properties.setProperty("last_micros", Long.toString(lastMicros));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Quiver backup");
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        DurableFiles.writeAtomically(directory.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    BackupManifest extendedTo(long lsn, long micros) {
        return new BackupManifest(logId, baseLsn, baseMicros, lsn, micros);
    }

    private static String required(Properties properties, Path file, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw Failures.corrupted(file, "it has no " + key);
        }
        return value;
    }
}
