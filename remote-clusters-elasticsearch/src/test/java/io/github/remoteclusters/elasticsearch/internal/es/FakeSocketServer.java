package io.github.remoteclusters.elasticsearch.internal.es;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback for faults no real node makes on demand: each accepted connection is
 * handed to a behaviour on its own thread (hang, trickle, reset). Closing it closes every
 * connection.
 */
final class FakeSocketServer implements AutoCloseable {

  /** What to do with one connection. */
  @FunctionalInterface
  interface Behaviour {
    void serve(Socket connection) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();

  private FakeSocketServer(ServerSocket server) {
    this.server = server;
  }

  /**
   * Starts a server.
   *
   * @param behaviour what each connection gets
   * @return the running server
   * @throws IOException when no port can be bound
   */
  static FakeSocketServer start(Behaviour behaviour) throws IOException {
    FakeSocketServer s = new FakeSocketServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(() -> {
      while (!s.server.isClosed()) {
        try {
          Socket c = s.server.accept();
          s.open.add(c);
          s.accepted.incrementAndGet();
          Thread t = new Thread(() -> {
            try {
              behaviour.serve(c);
            } catch (IOException | InterruptedException e) {
              // the client went away or the server closed
            }
          });
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return s;
  }

  /** A server that accepts every connection and never says a word. */
  static FakeSocketServer blackHole() throws IOException {
    return start(c -> {});
  }

  /** {@return the port} */
  int port() {
    return server.getLocalPort();
  }

  /** {@return how many connections were accepted} */
  int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket c : open) {
      c.close();
    }
  }
}
