package io.mapper.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy between a connection pool and a database server that injects faults on command, without
 * touching the real server: {@link #cutAll()} drops every open connection (as a network failure or a server restart
 * does), {@link #refuse(boolean)} turns new connections away (the server is down), {@link #stall(boolean)} stops
 * forwarding bytes (a hung network), {@link #slow(long)} delays every forwarded chunk (a slow, congested network).
 * Each connection is two pump threads. Test code only.
 */
final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile boolean stalled;
    private volatile long delayMillis;
    private volatile boolean closed;

    FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port clients connect to instead of the server's. */
    int port() {
        return server.getLocalPort();
    }

    /** Drops every open connection at once, both ways, with a reset. */
    void cutAll() {
        for (Socket socket : open) {
            abort(socket);
        }
    }

    /** While on, new connections are accepted and closed at once, as a server that is down. */
    void refuse(boolean on) {
        refusing = on;
    }

    /** While on, no byte is forwarded in either direction; open connections hang. */
    void stall(boolean on) {
        stalled = on;
    }

    /** Delays every chunk forwarded in either direction by {@code millis} (0 ends it); connections stay open. */
    void slow(long millis) {
        delayMillis = millis;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    abort(client);
                    continue;
                }
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
                } catch (IOException e) {
                    abort(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (stalled && !from.isClosed()) {
                        Thread.sleep(20);
                    }
                    long delay = delayMillis;
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // The connection ended (or was cut); close the other side too.
            } finally {
                abort(from);
                abort(to);
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void abort(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);   // a reset, as a dropped connection looks to the driver
        } catch (IOException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cutAll();
    }
}
