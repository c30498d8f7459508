package io.quiver.index;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An index's directory: {@code index.meta} says which access method and distance wrote it, then the
 * index's own data. Each file is written beside its final name and moved over it, so a crash while
 * saving leaves the previous file whole.
 */
public final class IndexFiles {
    static final String META_FILE = "index.meta";
    static final String GRAPH_FILE = "hnsw.graph";
    private static final int MAGIC = 0x51564958; // "QVIX"
    /** Version 2 added the quantization options to the header; a version 1 index is unquantized. */
    private static final int VERSION = 2;

    /** What writes the body of a file. */
    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private IndexFiles() {
    }

    /** Reads an index saved by {@link VectorIndex#save} beside {@code column}, without rebuilding it. */
    public static VectorIndex load(Path directory, VectorColumn column) {
        try (DataInputStream meta = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(directory.resolve(META_FILE))))) {
            int version = meta.readInt() == MAGIC ? meta.readInt() : -1;
            if (version < 1 || version > VERSION) {
                throw new QuiverException(SqlState.DATA_CORRUPTED, "index file " + directory + " is not a Quiver index");
            }
            String accessMethod = meta.readUTF();
            DistanceKind kind = DistanceKind.valueOf(meta.readUTF());
            int dimensions = meta.readInt();
            if (dimensions != column.dimensions()) {
                throw QuiverException.of(SqlState.DATA_CORRUPTED, "index in %s has %d dimensions, the column %d",
                        directory, dimensions, column.dimensions());
            }
            IndexOptions.Quantization quantization = version < 2 ? IndexOptions.Quantization.NONE
                    : new IndexOptions.Quantization(meta.readUTF(), meta.readInt(), meta.readInt());
            return switch (accessMethod) {
                case "hnsw" -> HnswIndex.load(directory, meta, kind, quantization, column);
                case "ivfflat" -> IvfFlatIndex.load(meta, kind, quantization, column);
                default -> throw new QuiverException(SqlState.DATA_CORRUPTED,
                        "unknown index access method " + accessMethod + " in " + directory);
            };
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not read index in " + directory + ": " + e, e);
        }
    }

    /** Writes the meta file: header, then {@code body}. */
    static void write(Path directory, String accessMethod, DistanceKind kind, int dimensions,
                      IndexOptions.Quantization quantization, Body body) {
        writeFile(directory.resolve(META_FILE), out -> {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(accessMethod);
            out.writeUTF(kind.name());
            out.writeInt(dimensions);
            out.writeUTF(quantization.method());
            out.writeInt(quantization.pqSubspaces());
            out.writeInt(quantization.rerank());
            body.write(out);
        });
    }

    static void writeFile(Path file, Body body) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream stream = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
                body.write(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new QuiverException(SqlState.IO_ERROR, "could not write index file " + file + ": " + e, e);
        }
    }
}
