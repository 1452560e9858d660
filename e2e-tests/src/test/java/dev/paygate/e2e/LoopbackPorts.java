package dev.paygate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for the applications under test, so a run never collides with a gateway on 8080. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** {@code count} distinct ports: all sockets stay open until every port is picked, so none repeats. */
    static int[] free(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int index = 0; index < count; index++) {
                sockets[index] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[index] = sockets[index].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release loopback port " + socket.getLocalPort(), e);
        }
    }
}
