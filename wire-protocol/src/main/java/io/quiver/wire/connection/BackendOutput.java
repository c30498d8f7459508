package io.quiver.wire.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.function.Consumer;

/**
 * Collects a connection's outgoing messages into chunks and hands them to Netty, flushing only when the
 * protocol asks (ReadyForQuery, Flush) or a chunk is full, as PostgreSQL's own output buffer does. When the
 * client reads slower than the query produces rows, the worker waits here instead of buffering without bound.
 * Used by the connection's worker only, except {@link #wakeUp()}.
 */
final class BackendOutput {
    private static final int CHUNK_SIZE = 64 * 1024;
    private static final long WRITABILITY_POLL_MILLIS = 100;

    private final Channel channel;
    private final Object writability = new Object();
    private ByteBuf pending;

    BackendOutput(Channel channel) {
        this.channel = channel;
    }

    /** Appends one message; a message that fails half-written is taken back out. */
    void send(Consumer<ByteBuf> message) {
        if (pending == null) {
            pending = channel.alloc().buffer(CHUNK_SIZE);
        }
        int start = pending.writerIndex();
        try {
            message.accept(pending);
        } catch (RuntimeException e) {
            pending.writerIndex(start);
            throw e;
        }
        if (pending.readableBytes() >= CHUNK_SIZE) {
            flush();
            awaitWritable();
        }
    }

    void flush() {
        if (pending != null) {
            channel.writeAndFlush(pending, channel.voidPromise());
            pending = null;
        }
    }

    void flushAndClose() {
        ByteBuf last = pending != null ? pending : channel.alloc().buffer(0);
        pending = null;
        channel.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    }

    /** Called when the channel's writability changes or it closes. */
    void wakeUp() {
        synchronized (writability) {
            writability.notifyAll();
        }
    }

    private void awaitWritable() {
        synchronized (writability) {
            while (!channel.isWritable() && channel.isActive()) {
                try {
                    writability.wait(WRITABILITY_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Drops what was never sent, when the connection is gone. */
    void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
