package io.coralbank.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The load generator's HTTP/1.1 client: kept-alive connections to one server, driven by a single
 * Netty event loop that also runs every answer's callback. It replaced the JDK's {@code HttpClient}
 * in the generator because on two shared cores the generator's CPU is taken from the server it
 * measures: the JDK client cost 0.13 to 0.30 ms of CPU per request, more than the server spent
 * answering a health probe.
 *
 * <p>A request goes out on an idle connection if there is one, on a new connection while fewer than
 * {@code maximumConnections} are open, and otherwise waits in this client for the next connection
 * to come free: as a client fleet behind a bounded proxy would. The generator counts a request's
 * latency from its due time, so that wait is measured as part of it. Every piece of the pool's
 * state is touched only on the event loop's thread, so none of it needs a lock.
 */
final class LoadClient implements AutoCloseable {

  /** One request: {@code authorization}, {@code idempotencyKey} and {@code body} may be null. */
  record Request(
      HttpMethod method, String path, String authorization, String idempotencyKey, String body) {}

  /** How a request ended: an HTTP status, or a failure named by its kind and no status. */
  interface Answer {
    void answered(int status, String failure);
  }

  private record Pending(Request request, Answer answer) {}

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final Bootstrap bootstrap;
  private final String host;
  private final int port;
  private final int maximumConnections;
  private final long timeoutNanos;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private int open;

  LoadClient(String host, int port, int maximumConnections, Duration timeout) {
    this.host = host;
    this.port = port;
    this.maximumConnections = maximumConnections;
    this.timeoutNanos = timeout.toNanos();
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new Connection());
                  }
                });
  }

  /** Sends {@code request}; {@code answer} is called once, on the client's event loop. */
  void send(Request request, Answer answer) {
    loop.execute(() -> dispatch(new Pending(request, answer)));
  }

  private void dispatch(Pending pending) {
    // The most recently freed connection first: its buffers are warm, and the rest stay idle.
    Connection connection = idle.pollLast();
    if (connection != null) {
      connection.write(pending);
    } else if (open < maximumConnections) {
      connect(pending);
    } else {
      waiting.add(pending);
    }
  }

  private void connect(Pending first) {
    open++;
    bootstrap
        .connect(host, port)
        .addListener(
            (ChannelFuture connected) -> {
              if (connected.isSuccess()) {
                connected.channel().pipeline().get(Connection.class).write(first);
              } else {
                open--;
                first.answer().answered(0, failureName(connected.cause()));
              }
            });
  }

  private void freed(Connection connection) {
    Pending next = waiting.poll();
    if (next != null) {
      connection.write(next);
    } else {
      idle.addLast(connection);
    }
  }

  private void closed(Connection connection) {
    open--;
    idle.remove(connection);
    Pending next = waiting.poll();
    if (next != null) {
      connect(next);
    }
  }

  private static String failureName(Throwable failure) {
    // Netty wraps a refused connection in a subclass of its own; name the kind, not the wrapper.
    return failure instanceof ConnectException
        ? "ConnectException"
        : failure.getClass().getSimpleName();
  }

  /** One kept-alive connection, with at most one request in flight on it. */
  private final class Connection extends SimpleChannelInboundHandler<HttpObject> {

    private Channel channel;
    private Answer inFlight;
    private ScheduledFuture<?> timeout;
    private int status;
    private boolean keepAlive;

    // Set when the handler joins its channel's pipeline: the connect listener, which writes the
    // first request, runs before the channel-active event.
    @Override
    public void handlerAdded(ChannelHandlerContext context) {
      channel = context.channel();
    }

    void write(Pending pending) {
      inFlight = pending.answer();
      Answer answer = inFlight;
      timeout =
          channel
              .eventLoop()
              .schedule(
                  () -> {
                    if (inFlight == answer) {
                      fail(new TimeoutException());
                    }
                  },
                  timeoutNanos,
                  TimeUnit.NANOSECONDS);
      // A failed write closes the connection, and closing fails the request in flight.
      channel
          .writeAndFlush(encode(pending.request()))
          .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private FullHttpRequest encode(Request request) {
      ByteBuf content =
          request.body() == null
              ? Unpooled.EMPTY_BUFFER
              : Unpooled.wrappedBuffer(request.body().getBytes(StandardCharsets.UTF_8));
      FullHttpRequest encoded =
          new DefaultFullHttpRequest(
              HttpVersion.HTTP_1_1, request.method(), request.path(), content);
      encoded.headers().set(HttpHeaderNames.HOST, host + ":" + port);
      if (request.authorization() != null) {
        encoded.headers().set(HttpHeaderNames.AUTHORIZATION, request.authorization());
      }
      if (request.idempotencyKey() != null) {
        encoded.headers().set("Idempotency-Key", request.idempotencyKey());
      }
      if (request.body() != null) {
        encoded.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        encoded.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
      }
      return encoded;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
      if (message instanceof HttpResponse response) {
        status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
      }
      if (message instanceof LastHttpContent && inFlight != null) {
        Answer answer = inFlight;
        inFlight = null;
        timeout.cancel(false);
        answer.answered(status, null);
        if (keepAlive) {
          freed(this);
        } else {
          context.close();
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      fail(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
      if (inFlight != null) {
        fail(new ClosedChannelException());
      }
      closed(this);
      super.channelInactive(context);
    }

    private void fail(Throwable cause) {
      Answer answer = inFlight;
      inFlight = null;
      if (timeout != null) {
        timeout.cancel(false);
      }
      if (answer != null) {
        answer.answered(0, failureName(cause));
      }
      // A connection whose answer went missing is not reused: its next bytes are unknowable.
      channel.close();
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
