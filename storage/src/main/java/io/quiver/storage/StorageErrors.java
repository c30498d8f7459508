package io.quiver.storage;

import io.quiver.common.error.QuiverException;
import io.quiver.common.error.SqlState;
import java.util.function.Supplier;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/** Turns MVStore's error codes into the errors PostgreSQL reports for the same situations. */
final class StorageErrors {
    private final String fileName;

    StorageErrors(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MVStoreException e) {
            throw translate(e);
        }
    }

    void run(Runnable operation) {
        try {
            operation.run();
        } catch (MVStoreException e) {
            throw translate(e);
        }
    }

    QuiverException translate(MVStoreException e) {
        return switch (e.getErrorCode()) {
            // 101: the row is locked by another open transaction; 105: it changed after our snapshot was taken.
            case DataUtils.ERROR_TRANSACTION_LOCKED, DataUtils.ERROR_TRANSACTIONS_DEADLOCK -> serializationFailure(e);
            case DataUtils.ERROR_FILE_LOCKED -> new QuiverException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "could not lock data file \"" + fileName + "\": it is in use by another process", e);
            case DataUtils.ERROR_READING_FAILED -> new QuiverException(SqlState.IO_ERROR,
                    "could not read file \"" + fileName + "\": " + e.getMessage(), e);
            case DataUtils.ERROR_WRITING_FAILED -> new QuiverException(SqlState.IO_ERROR,
                    "could not write to file \"" + fileName + "\": " + e.getMessage(), e);
            case DataUtils.ERROR_CLOSED -> new QuiverException(SqlState.ADMIN_SHUTDOWN,
                    "terminating connection because the storage engine is shut down", e);
            case DataUtils.ERROR_TOO_MANY_OPEN_TRANSACTIONS, DataUtils.ERROR_TRANSACTION_TOO_BIG ->
                    new QuiverException(SqlState.PROGRAM_LIMIT_EXCEEDED, e.getMessage(), e);
            case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_UNSUPPORTED_FORMAT, DataUtils.ERROR_SERIALIZATION,
                    DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_BLOCK_NOT_FOUND,
                    DataUtils.ERROR_TRANSACTION_CORRUPT, DataUtils.ERROR_UNKNOWN_DATA_TYPE -> corrupted(e);
            default -> new QuiverException(SqlState.INTERNAL_ERROR, e.getMessage(), e);
        };
    }

    /** While opening, anything but a lock or write failure means the file is not what MVStore wrote. */
    QuiverException translateOpenFailure(MVStoreException e) {
        return switch (e.getErrorCode()) {
            case DataUtils.ERROR_FILE_LOCKED, DataUtils.ERROR_WRITING_FAILED -> translate(e);
            default -> corrupted(e);
        };
    }

    QuiverException corrupted(Exception cause) {
        return new QuiverException(SqlState.DATA_CORRUPTED,
                "data file \"" + fileName + "\" is corrupted: " + cause.getMessage(), cause);
    }

    static QuiverException serializationFailure(Throwable cause) {
        return new QuiverException(SqlState.SERIALIZATION_FAILURE,
                "could not serialize access due to concurrent update", cause);
    }
}
