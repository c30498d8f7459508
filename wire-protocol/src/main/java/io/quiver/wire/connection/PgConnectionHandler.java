package io.quiver.wire.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.quiver.wire.protocol.FrontendMessage;
import io.quiver.wire.protocol.ProtocolCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection's pipeline. Encryption and cancel requests are answered right here on the
 * event loop (they are instant); everything else goes to the connection's serial worker, so queries never
 * run on an event loop and messages are handled in the order they arrived.
 */
public final class PgConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PgConnectionHandler.class);
    private static final byte ENCRYPTION_REFUSED = 'N';
    private static final byte ENCRYPTION_ACCEPTED = 'S';

    private final ConnectionServices services;
    private PgConnection connection;
    private SerialExecutor worker;

    public PgConnectionHandler(ConnectionServices services) {
        this.services = services;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        worker = new SerialExecutor(services.workers());
        connection = new PgConnection(ctx.channel(), services, worker);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        FrontendMessage message = (FrontendMessage) msg;
        switch (message) {
            case FrontendMessage.EncryptionRequest request -> answerEncryptionRequest(ctx, request);
            case FrontendMessage.CancelRequest cancel -> {
                services.backendKeys().cancel(cancel.processId(), cancel.secretKey());
                ctx.close();
            }
            default -> worker.execute(() -> connection.handle(message));
        }
    }

    /**
     * 'S' and TLS from here on when the server has a certificate and the client asked for SSL (not GSSAPI);
     * otherwise 'N' and the client goes on in the clear or gives up. The 'S' is written before the SslHandler
     * joins the pipeline (first, below the frame decoder), so it goes out unencrypted as the protocol wants.
     */
    private void answerEncryptionRequest(ChannelHandlerContext ctx, FrontendMessage.EncryptionRequest request) {
        SslContext tls = services.security().tls();
        if (tls == null || request.code() != ProtocolCodes.SSL_REQUEST || ctx.pipeline().get(SslHandler.class) != null) {
            ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(ENCRYPTION_REFUSED));
            return;
        }
        ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(ENCRYPTION_ACCEPTED));
        ctx.pipeline().addFirst(tls.newHandler(ctx.alloc()));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        connection.output().wakeUp();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connection.disconnected();
        worker.execute(connection::close);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing connection {} after a network error", ctx.channel(), cause);
        ctx.close();
    }
}
