package io.quiver.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.quiver.executor.api.QueryEngine;
import io.quiver.wire.auth.SecurityConfig;
import io.quiver.wire.connection.BackendKeyRegistry;
import io.quiver.wire.connection.ConnectionServices;
import io.quiver.wire.connection.ConnectionSlots;
import io.quiver.wire.connection.PgConnectionHandler;
import io.quiver.wire.protocol.FrontendMessageDecoder;
import io.quiver.wire.protocol.PgFrameDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the PostgreSQL v3 wire protocol over a {@link QueryEngine}. The engine stays the caller's to close. */
public final class PgServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);
    private static final WriteBufferWaterMark OUTPUT_WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
    private static final long SHUTDOWN_QUIET_MILLIS = 0;
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final PgServerConfig config;
    private final QueryEngine engine;
    private final StatementObserver observer;
    private final ConnectionSlots slots;
    private final SecurityConfig security;
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private ExecutorService workers;
    private Channel serverChannel;

    /** A server that trusts every client: for loopback listeners and tests. */
    public PgServer(PgServerConfig config, QueryEngine engine) {
        this(config, engine, SecurityConfig.TRUST_ALL, StatementObserver.NONE);
    }

    /**
     * @param security how clients authenticate and whether they may use TLS
     * @param observer told of every completed statement and every error sent (the metrics endpoint)
     */
    public PgServer(PgServerConfig config, QueryEngine engine, SecurityConfig security, StatementObserver observer) {
        this.config = config;
        this.engine = engine;
        this.security = security;
        this.observer = observer;
        this.slots = new ConnectionSlots(config.maxConnections());
    }

    /** Sessions open now (each holds one of max_connections' slots). */
    public int openConnections() {
        return slots.taken();
    }

    /** Binds and starts accepting clients; returns the address actually bound (useful with port 0). */
    public synchronized InetSocketAddress start() {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        workers = newWorkers(config.workerThreads());
        ConnectionServices services = new ConnectionServices(engine, new BackendKeyRegistry(), workers, slots,
                observer, security);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, OUTPUT_WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new PgFrameDecoder(config.maxMessageSize()),
                                new FrontendMessageDecoder(),
                                new PgConnectionHandler(services));
                    }
                });
        try {
            serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding " + config.host() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("listening on {}:{}", bound.getHostString(), bound.getPort());
        return bound;
    }

    private static ExecutorService newWorkers(int threads) {
        if (threads == 0) {
            return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("quiver-worker-", 0).factory());
        }
        ThreadFactory factory = Thread.ofPlatform().name("quiver-worker-", 0).daemon(true).factory();
        return Executors.newFixedThreadPool(threads, factory);
    }

    /**
     * Stops accepting, closes every connection (cancelling their queries and closing their sessions) and
     * waits briefly for the workers to finish.
     */
    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        // connections close on the io loops, which queue their sessions' cleanup on the workers: stop loops first
        for (EventLoopGroup group : new EventLoopGroup[] {acceptor, io}) {
            if (group != null) {
                group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .syncUninterruptibly();
            }
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("queries still running after {}s of shutdown", SHUTDOWN_TIMEOUT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        acceptor = null;
        io = null;
        workers = null;
    }
}
