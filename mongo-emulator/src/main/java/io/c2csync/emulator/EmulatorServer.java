package io.c2csync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

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
 */
final class EmulatorServer implements AutoCloseable {

    private final EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, new MongoThreadFactory("emulator-accept"), NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, new MongoThreadFactory("emulator-io"), NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup("emulator-clients", workers.next());
    private final Channel serverChannel;

    EmulatorServer(EmulatedBackend backend, InetSocketAddress address) {
        try {
            serverChannel = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MongoWireReplyEncoder());
                        channel.pipeline().addLast(new WireEncoder());
                        channel.pipeline().addLast(new WireDecoder());
                        channel.pipeline().addLast(new EmulatorChannelHandler(backend, clients));
                        channel.pipeline().addLast(new MongoExceptionHandler());
                    }
                })
                .bind(address)
                .syncUninterruptibly()
                .channel();
        } catch (Exception e) { // Netty rethrows a failed bind's checked BindException undeclared
            shutdownEventLoops();
            if (e instanceof IOException failedBind) {
                throw new UncheckedIOException("cannot listen on " + address, failedBind);
            }
            throw e;
        }
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        shutdownEventLoops();
    }

    private void shutdownEventLoops() {
        acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
