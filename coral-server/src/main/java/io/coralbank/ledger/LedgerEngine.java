package io.coralbank.ledger;

import io.coralbank.kernel.ledger.TransferCommand;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The batching ledger engine. Request threads hand their submissions to a queue and wait; a few
 * worker threads each take everything queued (up to a bound, waiting at most a short while for
 * more) and apply it in one database transaction: lock each touched balance row once, in id order,
 * apply the transfers in arrival order through the kernel, write the journal with multi-row
 * inserts, commit once, and complete each caller with its own results.
 *
 * <p>This is what keeps a hot account (every Settlement and Parent account is hot) as fast as a
 * cold one: its row is locked and written once per batch, not once per transfer. Correctness with
 * several server processes on one database rests on row locks and constraints, not on this
 * process's queue.
 */
public final class LedgerEngine implements Ledger, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LedgerEngine.class);
  private static final int ATTEMPTS = 3;

  /**
   * The session settings of the engine's connections. Its few statements are planned once per
   * connection (generic plans), which at moderate load, when batches hold one or two transfers,
   * saves as much as a third of each batch's database time. Sequential scans are ruled out so that
   * a plan made while the journal was small cannot stay a scan of the whole table as it grows:
   * every statement of the engine reads or writes rows by key.
   */
  public static final String SESSION_OPTIONS =
      "-c plan_cache_mode=force_generic_plan -c enable_seqscan=off";

  private final BatchWriter writer;
  private final EngineSettings settings;
  private final BlockingDeque<Submission> queue = new LinkedBlockingDeque<>();
  // Accounts of the batches being executed now, by any worker of this engine.
  private final Set<Long> inFlight = new HashSet<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running = true;

  public LedgerEngine(DataSource dataSource, Clock clock, EngineSettings settings) {
    this.writer = new BatchWriter(dataSource, clock);
    this.settings = settings;
    for (int index = 0; index < settings.workers(); index++) {
      Thread worker = Thread.ofPlatform().daemon().name("ledger-engine-" + index).start(this::work);
      workers.add(worker);
    }
  }

  /** One caller's transfers and the future its thread waits on. */
  record Submission(
      List<TransferRequest> transfers, CompletableFuture<List<TransferResult>> done) {}

  @Override
  public List<TransferResult> submit(List<TransferRequest> transfers) {
    if (transfers.isEmpty()) {
      return List.of();
    }
    if (!running) {
      throw new LedgerUnavailableException("The ledger engine is stopped", null);
    }
    Submission submission = new Submission(List.copyOf(transfers), new CompletableFuture<>());
    queue.add(submission);
    try {
      return submission.done().get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof LedgerUnavailableException unavailable) {
        throw unavailable;
      }
      throw new LedgerUnavailableException("The ledger batch failed", failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new LedgerUnavailableException("Interrupted while waiting for the ledger", interrupted);
    }
  }

  private void work() {
    boolean underLoad = false;
    while (running) {
      List<Submission> batch;
      try {
        batch = nextBatch(underLoad);
      } catch (InterruptedException stopping) {
        return;
      }
      if (batch.isEmpty()) {
        underLoad = false;
        continue;
      }
      Set<Long> claimed = claimDisjoint(batch);
      if (batch.isEmpty()) {
        // Everything queued touches another worker's batch: let that one finish first, then
        // whichever worker is free takes the lot as one fuller batch.
        awaitRelease();
        continue;
      }
      try {
        execute(batch);
      } finally {
        release(claimed);
      }
      underLoad = batch.size() > 1;
    }
  }

  /**
   * Keeps in {@code batch} only the submissions that touch no account of a batch another worker is
   * executing, returns the others to the front of the queue in their order, and claims the kept
   * ones' accounts. Batches that share a hot row would otherwise only queue behind each other's row
   * lock in the database; this way one worker takes all of a hot row's submissions at once, while
   * submissions on other accounts still run in parallel. Submissions queued at the same time come
   * from different callers, each blocked until its own is done, so they have no order between them
   * that a caller could observe, and letting some go first is safe. Accounts a command names only
   * through a hold are left to the database's locks.
   */
  private Set<Long> claimDisjoint(List<Submission> batch) {
    synchronized (inFlight) {
      Set<Long> claimed = new HashSet<>();
      List<Submission> deferred = new ArrayList<>();
      for (Iterator<Submission> each = batch.iterator(); each.hasNext(); ) {
        Submission submission = each.next();
        Set<Long> accounts = accountsOf(submission);
        if (Collections.disjoint(inFlight, accounts)) {
          claimed.addAll(accounts);
        } else {
          deferred.add(submission);
          each.remove();
        }
      }
      for (int index = deferred.size() - 1; index >= 0; index--) {
        queue.addFirst(deferred.get(index));
      }
      inFlight.addAll(claimed);
      return claimed;
    }
  }

  private void release(Set<Long> claimed) {
    synchronized (inFlight) {
      inFlight.removeAll(claimed);
      inFlight.notifyAll();
    }
  }

  private void awaitRelease() {
    synchronized (inFlight) {
      if (inFlight.isEmpty()) {
        return;
      }
      try {
        inFlight.wait(5);
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The accounts a submission's batch would lock for its whole run. Bank-side accounts are left out
   * once known: a batch only adds its change to them at its end, so batches sharing one (a busy
   * clearing account) can run at the same time.
   */
  private Set<Long> accountsOf(Submission submission) {
    Set<Long> accounts = new HashSet<>();
    for (TransferRequest request : submission.transfers()) {
      switch (request.command()) {
        case TransferCommand.Posting posting -> {
          accounts.add(posting.debitAccountId());
          accounts.add(posting.creditAccountId());
        }
        case TransferCommand.Hold hold -> {
          accounts.add(hold.debitAccountId());
          accounts.add(hold.creditAccountId());
        }
        case TransferCommand.PostHold post -> {}
        case TransferCommand.VoidHold voidHold -> {}
        case TransferCommand.ExpireHold expire -> {}
      }
    }
    accounts.removeIf(writer::isKnownBankSide);
    return accounts;
  }

  /**
   * Everything queued, up to the bound. Under load (the last batch had company) it also waits up to
   * {@code maxWait} for more, because a fuller batch locks a hot row fewer times; a lone caller
   * never waits.
   */
  private List<Submission> nextBatch(boolean underLoad) throws InterruptedException {
    List<Submission> batch = new ArrayList<>();
    Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    // drainTo takes everything queued in one step, so two workers never split the queue between
    // them submission by submission: the one that drains takes all it can run.
    queue.drainTo(batch, settings.maxBatchTransfers() - batch.size());
    if (underLoad && batch.size() < settings.maxBatchTransfers()) {
      Submission late = queue.poll(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
      if (late != null) {
        batch.add(late);
        queue.drainTo(batch, settings.maxBatchTransfers() - batch.size());
      }
    }
    return batch;
  }

  private void execute(List<Submission> batch) {
    List<List<TransferRequest>> submissions = batch.stream().map(Submission::transfers).toList();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        List<List<TransferResult>> results = writer.write(submissions);
        for (int index = 0; index < batch.size(); index++) {
          batch.get(index).done().complete(results.get(index));
        }
        return;
      } catch (DuplicateKeyException | ConcurrencyFailureException race) {
        // Another batch, perhaps in another process, wrote a transfer id this batch also uses,
        // between our read and our insert (or the two inserts deadlocked on each other's ids), or
        // changed a bank-side account this batch read without a lock. Nothing of ours was
        // written; running the batch again sees that transfer ("exists" or "exists with
        // different ...") or that account as it is now.
        log.debug("Batch raced with another batch; retrying (attempt {})", attempt);
      } catch (DataIntegrityViolationException refusedData) {
        if (batch.size() == 1) {
          fail(batch, refusedData);
          return;
        }
        // The database refused something one submission carries (a value it cannot store), and
        // with it the whole batch, which holds other requests' transfers. Run each submission on
        // its own, so that only the one that carries it fails. Failures of the database itself
        // (no connection, a timeout) are not retried this way: they would fail every one again.
        log.warn(
            "Ledger batch of {} submissions refused by the database; running each alone",
            batch.size());
        batch.forEach(submission -> execute(List.of(submission)));
        return;
      } catch (RuntimeException failure) {
        fail(batch, failure);
        return;
      }
    }
    fail(batch, new IllegalStateException("Transfer ids kept racing with other batches"));
  }

  private static void fail(List<Submission> batch, Throwable failure) {
    log.error("Ledger batch of {} submissions rolled back", batch.size(), failure);
    LedgerUnavailableException unavailable =
        new LedgerUnavailableException("The ledger could not commit; nothing was applied", failure);
    batch.forEach(submission -> submission.done().completeExceptionally(unavailable));
  }

  @Override
  public void close() {
    // Workers finish the batch in hand and stop at their next look at the queue.
    running = false;
    for (Thread worker : workers) {
      try {
        worker.join(10_000);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      worker.interrupt();
    }
    Submission left;
    while ((left = queue.poll()) != null) {
      left.done()
          .completeExceptionally(new LedgerUnavailableException("The ledger engine stopped", null));
    }
  }
}
