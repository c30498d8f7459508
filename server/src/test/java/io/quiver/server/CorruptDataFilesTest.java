package io.quiver.server;

import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged data file or change-log file stops the server at start with a message naming the file and what to
 * do, and a non-zero exit; a damaged index file only costs a rebuild of the index from the rows, with a warning.
 */
class CorruptDataFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTruncatedDataFileStopsTheStart() throws Exception {
        Path data = populated(200, false, false);
        Path file = data.resolve("quiver.mv.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertStartFails(data, "data file \"" + file + "\" is ", "Restore the data directory from a backup: quiver restore --from");
    }

    @Test
    void bytesOverwrittenInTheMiddleOfTheDataFileStopTheStart() throws Exception {
        Path data = populated(200, false, false);
        Path file = data.resolve("quiver.mv.db");
        overwriteMiddle(file);
        assertStartFails(data, "data file \"" + file + "\" is corrupted", "Restore the data directory from a backup: quiver restore --from");
    }

    @Test
    void aDamagedChangeLogStopsTheStart() throws Exception {
        Path data = populated(200, false, true);
        Path segment;
        try (Stream<Path> files = Files.list(data.resolve("changelog"))) {
            segment = files.sorted().reduce((first, second) -> second).orElseThrow();
        }
        overwriteMiddle(segment);
        assertStartFails(data, "file \"" + segment + "\" is corrupted", "Move the directory \"" + data.resolve("changelog"));
    }

    @Test
    void aDamagedIndexFileIsRebuiltFromTheRows() throws Exception {
        Path data = populated(6000, true, false);
        Path graph;
        try (Stream<Path> files = Files.walk(data.resolve("indexes"))) {
            graph = files.filter(f -> f.getFileName().toString().equals("hnsw.graph")).findFirst().orElseThrow();
        }
        overwriteMiddle(graph);
        try (ServerProcess server = ServerProcess.start(data); Connection c = server.connect()) {
            String knn = "SELECT id FROM items ORDER BY embedding <-> '[0.5,0.5]' LIMIT 3";
            assertThat(queryStrings(c, "EXPLAIN " + knn)).anyMatch(line -> line.contains("items_embedding"));
            List<String> nearest = queryStrings(c, knn);
            execute(c, "SET enable_indexscan = off");
            assertThat(nearest).isEqualTo(queryStrings(c, knn));
            assertThat(server.output()).contains("index \"items_embedding\" cannot be loaded", graph.toString(),
                    "rebuilding it from the table's rows");
        }
    }

    /** A cleanly stopped data directory with {@code rows} rows, an HNSW index and a change log if asked. */
    private Path populated(int rows, boolean withIndex, boolean withChangeLog) throws Exception {
        Path data = dir.resolve("data");
        try (ServerProcess server = ServerProcess.start(data); Connection c = server.connect()) {
            execute(c, "CREATE TABLE items (id int PRIMARY KEY, embedding vector(2))");
            if (withChangeLog) {
                execute(c, "BACKUP TO '" + dir.resolve("backup") + "'");
            }
            execute(c, "INSERT INTO items SELECT g, ('[' || sin(g) || ',' || cos(g) || ']')::vector "
                    + "FROM generate_series(1, " + rows + ") g");
            for (int i = 0; i < 20; i++) {
                execute(c, "UPDATE items SET embedding = '[" + i + ",1]' WHERE id = " + (i + 1));
            }
            if (withIndex) {
                execute(c, "CREATE INDEX items_embedding ON items USING hnsw (embedding vector_l2_ops)");
            }
        }
        return data;
    }

    private static void overwriteMiddle(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            raf.write(new byte[] {0x13, 0x37, 0x13, 0x37, 0x13, 0x37, 0x13, 0x37});
        }
    }

    private static void assertStartFails(Path data, String message, String hint) throws Exception {
        ServerProcess.CommandResult start = ServerProcess.run("--port", "0", "--data-dir", data.toString());
        assertThat(start.exitCode()).as(start.output()).isNotZero();
        assertThat(start.output()).contains("FATAL:  " + message).contains("HINT:  ").contains(hint)
                .doesNotContain("\tat io.quiver");
    }
}
