package io.jerl.protocol.tls;

import io.jerl.protocol.ProtocolException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Sits after the {@link io.netty.handler.ssl.SslHandler}: the distribution handshake behind it starts only when
 * the TLS session is up (it sees {@code channelActive} then), and every TLS failure, during the TLS handshake or
 * after it (TLS 1.3 refuses a client certificate after the client has finished), reaches it as one
 * {@link ProtocolException} whose message names the peer and the reason. The handshake handler or the
 * connection then closes the channel and the node logs that line; nothing else of the node is touched.
 */
final class TlsGate extends ChannelInboundHandlerAdapter {
    private final String peerNode;
    private final Duration timeout;
    private boolean up;
    private boolean reported;

    /** {@code peerNode} is the node we dial, or null for a connection a peer dialed to us. */
    TlsGate(String peerNode, Duration timeout) {
        this.peerNode = peerNode;
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // held back until the TLS session is up
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                up = true;
                ctx.fireChannelActive();
            } else {
                report(ctx, done.cause());
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (tlsProblem(cause)) {
            report(ctx, cause);
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!up && !reported) {
            report(ctx, new ClosedChannelException());
        }
        ctx.fireChannelInactive();
    }

    private void report(ChannelHandlerContext ctx, Throwable cause) {
        if (reported) {
            return; // the handshake event and the exception both come for one failure; the first one says it
        }
        reported = true;
        ProtocolException e = new ProtocolException("tls: " + who(ctx) + " " + TlsReasons.explain(cause, up, timeout));
        // The handshake handler fails on it even if it never started (no channelActive): it reports the dial or
        // the accept as failed, and the node logs this one line.
        ctx.fireExceptionCaught(e);
        ctx.close();
    }

    private String who(ChannelHandlerContext ctx) {
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(ctx.channel().remoteAddress());
        return peerNode != null ? peerNode + " (" + address + ")" : "the node at " + address;
    }

    private static boolean tlsProblem(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof NotSslRecordException || t instanceof SslHandshakeTimeoutException) {
                return true;
            }
            if (!(t instanceof DecoderException)) {
                return false;
            }
        }
        return false;
    }
}
