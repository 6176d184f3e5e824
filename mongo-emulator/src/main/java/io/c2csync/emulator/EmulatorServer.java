package io.c2csync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The network side: our wire codecs (every BSON type) and request handler (replies may complete asynchronously)
 * in place of the library's; the library's encoder of legacy OP_REPLY answers the first handshake.
 * It can stop listening (the server socket and every client connection close, as when a server goes down) and
 * listen again on the same address; the backend, and so all data and history, stays as it was.
 */
final class EmulatorServer implements AutoCloseable {

    private static final Duration REBIND_PATIENCE = Duration.ofSeconds(3);
    private static final Duration REBIND_PAUSE = Duration.ofMillis(20);

    private final EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, new MongoThreadFactory("emulator-accept"), NioIoHandler.newFactory());
    /**
     * mongod serves each connection on a thread of its own, so a command waiting for a lock delays only its own
     * connection. Connections are given these threads in turn (each started at its first connection), so up to this
     * many connections each have one; with the default of 2 x cores, a writer waiting behind a long read held up every
     * connection that shared its thread (e.g. a change stream's getMore).
     */
    private static final int IO_THREADS = 32;

    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(IO_THREADS, new MongoThreadFactory("emulator-io"), NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup("emulator-clients", workers.next());
    private final ServerBootstrap bootstrap;
    private final Object admission = new Object();
    private boolean accepting;
    private volatile InetSocketAddress address;
    private Channel serverChannel;

    EmulatorServer(EmulatedBackend backend, InetSocketAddress address) {
        this.bootstrap = new ServerBootstrap()
            .group(acceptors, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .option(ChannelOption.SO_REUSEADDR, Boolean.TRUE)
            .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    if (!admitted(channel)) {
                        return;
                    }
                    channel.pipeline().addLast(new MongoWireReplyEncoder());
                    channel.pipeline().addLast(new WireEncoder());
                    channel.pipeline().addLast(new WireDecoder());
                    channel.pipeline().addLast(new EmulatorChannelHandler(backend, clients));
                    channel.pipeline().addLast(new MongoExceptionHandler());
                }
            });
        try {
            bind(address);
        } catch (RuntimeException e) {
            shutdownEventLoops();
            throw e;
        }
    }

    int port() {
        return address.getPort();
    }

    /** Closes the server socket and every client connection: clients get connection refused until {@link #startListening()}. */
    synchronized void stopListening() {
        if (serverChannel == null) {
            throw new IllegalStateException("the emulator on " + address + " is not listening");
        }
        synchronized (admission) {
            accepting = false;
        }
        serverChannel.close().syncUninterruptibly();
        serverChannel = null;
        clients.close().syncUninterruptibly();
    }

    /**
     * Listens again on the port it had; fails if another process took the port meanwhile. The closed socket is
     * released when its selector next runs, so a bind right after a stop is retried for a moment.
     */
    synchronized void startListening() {
        if (serverChannel != null) {
            throw new IllegalStateException("the emulator on " + address + " is already listening");
        }
        long deadline = System.nanoTime() + REBIND_PATIENCE.toNanos();
        while (true) {
            try {
                bind(address);
                return;
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(REBIND_PAUSE.toNanos());
            }
        }
    }

    synchronized boolean listening() {
        return serverChannel != null;
    }

    /** A connection accepted while the server stops is closed, never left open behind a closed socket. */
    private boolean admitted(SocketChannel channel) {
        synchronized (admission) {
            if (accepting) {
                clients.add(channel);
                return true;
            }
        }
        channel.close();
        return false;
    }

    private void bind(InetSocketAddress requested) {
        try {
            synchronized (admission) {
                accepting = true;
            }
            serverChannel = bootstrap.bind(requested).syncUninterruptibly().channel();
            address = (InetSocketAddress) serverChannel.localAddress();
        } catch (Exception e) { // Netty rethrows a failed bind's checked BindException undeclared
            synchronized (admission) {
                accepting = false;
            }
            if (e instanceof IOException failedBind) {
                throw new UncheckedIOException("cannot listen on " + requested, failedBind);
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        synchronized (admission) {
            accepting = false;
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        clients.close().syncUninterruptibly();
        shutdownEventLoops();
    }

    private void shutdownEventLoops() {
        acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
