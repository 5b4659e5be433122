package org.accord.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front of the two instances: a TCP round-robin on loopback, one backend per connection, the next one
 * tried at once when a backend refuses the connection (as a load balancer's health check would take a dead
 * instance out). No HTTP parsing, so clients that want each request spread open a connection per request.
 */
final class RoundRobin implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();

    RoundRobin(int port, List<Integer> backends) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.backends = backends;
        daemon(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        Socket backend = null;
        for (int tried = 0; tried < backends.size() && backend == null; tried++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            try {
                backend = new Socket();
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            } catch (IOException refused) {
                backend = null;
            }
        }
        if (backend == null) {
            close(client); // nobody home: the client sees the connection drop and retries
            return;
        }
        Socket server = backend;
        daemon(() -> pump(client, server));
        pump(server, client);
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // One side went away (an instance killed, a client gone): end the other one too, below.
        } finally {
            close(from);
            close(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "round-robin");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket whose peer is already gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
