package io.coralbank.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Hands work from many request threads to one worker thread, which runs everything queued as one
 * batch: one statement and one round trip instead of one per request. It does not wait for a batch
 * to fill: while one batch is at the database the next one queues, so batches grow with the load
 * and a lone request pays no delay.
 */
final class Batcher<I, O> implements AutoCloseable {

  private record Pending<I, O>(I item, CompletableFuture<O> done) {}

  private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
  private final Function<List<I>, List<O>> run;
  private final int maximumBatch;
  private final Thread worker;
  private volatile boolean running = true;

  /**
   * @param run runs one batch and answers each item, in the items' order
   */
  Batcher(String name, int maximumBatch, Function<List<I>, List<O>> run) {
    this.run = run;
    this.maximumBatch = maximumBatch;
    this.worker = Thread.ofPlatform().daemon().name(name).start(this::work);
  }

  /** Runs {@code item} in the next batch and waits for its answer. */
  O submit(I item) {
    if (!running) {
      throw stopping();
    }
    Pending<I, O> pending = new Pending<>(item, new CompletableFuture<>());
    queue.add(pending);
    if (!running) {
      // Stopped after the check above: the worker may have drained its queue before this item.
      pending.done().completeExceptionally(stopping());
    }
    try {
      return pending.done().get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new DataAccessResourceFailureException("Interrupted while waiting for a batch");
    }
  }

  private void work() {
    while (running) {
      List<Pending<I, O>> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException stopping) {
        break;
      }
      queue.drainTo(batch, maximumBatch - 1);
      try {
        List<O> answers = run.apply(batch.stream().map(Pending::item).toList());
        for (int index = 0; index < batch.size(); index++) {
          batch.get(index).done().complete(answers.get(index));
        }
      } catch (RuntimeException failed) {
        batch.forEach(pending -> pending.done().completeExceptionally(failed));
      }
    }
    DataAccessResourceFailureException stopped = stopping();
    List<Pending<I, O>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(pending -> pending.done().completeExceptionally(stopped));
  }

  private static DataAccessResourceFailureException stopping() {
    return new DataAccessResourceFailureException("The server is stopping");
  }

  @Override
  public void close() {
    running = false;
    worker.interrupt();
    try {
      worker.join(5_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
