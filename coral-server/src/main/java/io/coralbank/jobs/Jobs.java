package io.coralbank.jobs;

import io.coralbank.events.DomainEvent;
import io.coralbank.events.Events;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Submits, reads, cancels and works through background jobs. */
@Service
public class Jobs {

  private static final Logger log = LoggerFactory.getLogger(Jobs.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CHUNK = 50;

  private static final RowMapper<Job> JOB =
      (row, number) ->
          new Job(
              row.getObject("id", UUID.class),
              row.getObject("customer_id", UUID.class),
              row.getString("type"),
              Job.Status.valueOf(row.getString("status")),
              row.getString("callback_url"),
              row.getString("custom_headers") == null
                  ? Map.of()
                  : JSON.readValue(
                      row.getString("custom_headers"),
                      new TypeReference<LinkedHashMap<String, String>>() {}),
              row.getInt("total"),
              row.getInt("completed"),
              row.getInt("failed"),
              row.getObject("created_at", OffsetDateTime.class).toInstant(),
              row.getObject("updated_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;
  private final Map<String, JobHandler> handlers;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Events events;

  Jobs(
      Events events,
      JdbcClient jdbc,
      List<JobHandler> handlers,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.jdbc = jdbc;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.events = events;
  }

  /** Stores a job of {@code type} with one item per payload; the worker runs it later. */
  @Transactional
  public Job submit(
      UUID customerId,
      String type,
      String callbackUrl,
      Map<String, String> customHeaders,
      String callbackEndpointId,
      List<String> payloads) {
    if (!handlers.containsKey(type)) {
      throw new IllegalArgumentException("No handler for job type " + type);
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into jobs (id, customer_id, type, status, callback_url, custom_headers, total,
                              callback_endpoint_id, created_at, updated_at)
            values (:id, :customer, :type, 'Pending', :callback, :headers, :total, :endpoint,
                    :now, :now)
            """)
        .param("endpoint", callbackEndpointId)
        .param("id", id)
        .param("customer", customerId)
        .param("type", type)
        .param("callback", callbackUrl)
        .param("headers", customHeaders.isEmpty() ? null : JSON.writeValueAsString(customHeaders))
        .param("total", payloads.size())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    int[] positions = new int[payloads.size()];
    for (int index = 0; index < positions.length; index++) {
      positions[index] = index;
    }
    jdbc.sql(
            """
            insert into job_items (job_id, position, payload, status)
            select :job, position, payload, 'Pending'
              from unnest(:positions, :payloads) as x(position, payload)
            """)
        .param("job", id)
        .param("positions", positions)
        .param("payloads", payloads.toArray(String[]::new))
        .update();
    return find(customerId, id).orElseThrow();
  }

  public Optional<Job> find(UUID customerId, UUID jobId) {
    return jdbc.sql("select * from jobs where id = :id and customer_id = :customer")
        .param("id", jobId)
        .param("customer", customerId)
        .query(JOB)
        .optional();
  }

  /** The customer's jobs still Pending or InProgress, oldest first, for offset paging. */
  public List<Job> unfinished(UUID customerId, long offset, int limit) {
    return jdbc.sql(
            "select * from jobs where customer_id = :customer and status in ('Pending',"
                + " 'InProgress') order by sequence offset :offset limit :limit")
        .param("customer", customerId)
        .param("offset", offset)
        .param("limit", limit)
        .query(JOB)
        .list();
  }

  public long countUnfinished(UUID customerId) {
    return jdbc.sql(
            "select count(*) from jobs where customer_id = :customer and status in ('Pending',"
                + " 'InProgress')")
        .param("customer", customerId)
        .query(Long.class)
        .single();
  }

  /** The job's items in order, with their outcomes once run. */
  public List<Job.Item> items(UUID jobId, long offset, int limit) {
    return jdbc.sql(
            "select position, status, http_status, error, result_json from job_items"
                + " where job_id = :job order by position offset :offset limit :limit")
        .param("job", jobId)
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (row, number) ->
                new Job.Item(
                    row.getInt("position"),
                    row.getString("status"),
                    (Integer) row.getObject("http_status"),
                    row.getString("error"),
                    row.getString("result_json")))
        .list();
  }

  /**
   * Cancels what has not run; items already done stay done. Empty when the job is not the
   * customer's; the job as it stands otherwise (unchanged when it had finished).
   */
  @Transactional
  public Optional<Job> cancel(UUID customerId, UUID jobId) {
    Optional<Job> job =
        jdbc.sql("select * from jobs where id = :id and customer_id = :customer for update")
            .param("id", jobId)
            .param("customer", customerId)
            .query(JOB)
            .optional();
    if (job.isEmpty()
        || (job.get().status() != Job.Status.Pending
            && job.get().status() != Job.Status.InProgress)) {
      return job;
    }
    jdbc.sql("update job_items set status = 'Cancelled' where job_id = :job and status = 'Pending'")
        .param("job", jobId)
        .update();
    jdbc.sql("update jobs set status = 'Cancelled', updated_at = :now where id = :id")
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", jobId)
        .update();
    return find(customerId, jobId);
  }

  /** Works through the oldest unfinished job's next items. */
  @Scheduled(fixedDelayString = "${coral.jobs.poll-interval}")
  public void work() {
    List<UUID> unfinished =
        jdbc.sql(
                "select id from jobs where status in ('Pending', 'InProgress') order by sequence"
                    + " limit 10")
            .query(UUID.class)
            .list();
    for (UUID jobId : unfinished) {
      try {
        while (Boolean.TRUE.equals(transactions.execute(status -> runChunk(jobId)))) {
          // keep going while the chunk found items to run
        }
      } catch (RuntimeException failure) {
        log.warn(
            "Job {} stopped on an unexpected failure; it resumes on the next run", jobId, failure);
      }
    }
  }

  /** Runs up to one chunk of the job's pending items; false when none was left. */
  private boolean runChunk(UUID jobId) {
    Job job = jdbc.sql("select * from jobs where id = :id").param("id", jobId).query(JOB).single();
    if (job.status() == Job.Status.Cancelled) {
      return false;
    }
    List<Map.Entry<Integer, String>> items =
        jdbc.sql(
                """
                select position, payload from job_items
                 where job_id = :job and status = 'Pending'
                 order by position limit :limit
                 for update skip locked
                """)
            .param("job", jobId)
            .param("limit", CHUNK)
            .query((row, number) -> Map.entry(row.getInt("position"), row.getString("payload")))
            .list();
    Instant now = clock.instant();
    if (items.isEmpty()) {
      finishIfDone(jobId, now);
      return false;
    }
    JobHandler handler = handlers.get(job.type());
    int succeeded = 0;
    int failed = 0;
    for (Map.Entry<Integer, String> item : items) {
      switch (handler.run(job.customerId(), item.getValue())) {
        case JobHandler.ItemOutcome.Succeeded done -> {
          record(jobId, item.getKey(), "Succeeded", 201, null, done.result());
          succeeded++;
        }
        case JobHandler.ItemOutcome.Failed refused -> {
          record(jobId, item.getKey(), "Failed", 400, refused.reason(), null);
          failed++;
        }
      }
    }
    jdbc.sql(
            """
            update jobs set status = 'InProgress', completed = completed + :succeeded,
                            failed = failed + :failed, updated_at = :now
             where id = :id
            """)
        .param("succeeded", succeeded)
        .param("failed", failed)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("id", jobId)
        .update();
    finishIfDone(jobId, now);
    return true;
  }

  private void record(
      UUID jobId, int position, String status, int httpStatus, String error, String result) {
    jdbc.sql(
            """
            update job_items set status = :status, http_status = :http, error = :error,
                                 result_json = :result
             where job_id = :job and position = :position
            """)
        .param("status", status)
        .param("http", httpStatus)
        .param("error", error)
        .param("result", result)
        .param("job", jobId)
        .param("position", position)
        .update();
  }

  private void finishIfDone(UUID jobId, Instant now) {
    int finished =
        jdbc.sql(
                """
            update jobs
               set status = case when failed > 0 then 'CompletedWithErrors' else 'Completed' end,
                   updated_at = :now
             where id = :id and status in ('Pending', 'InProgress')
               and completed + failed = total
            """)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("id", jobId)
            .update();
    if (finished == 1) {
      Job job =
          jdbc.sql("select * from jobs where id = :id").param("id", jobId).query(JOB).single();
      // In the transaction that finished the job, so the callback is sent exactly when it is done.
      events.publish(
          new DomainEvent(
              job.customerId(), DomainEvent.Subject.JOB, jobId.toString(), job.status().name()));
    }
  }

  /** The endpoint that receives the job's completion callback, if the client gave a URL. */
  public Optional<String> callbackEndpointOf(UUID jobId) {
    return jdbc.sql("select callback_endpoint_id from jobs where id = :id")
        .param("id", jobId)
        .query(String.class)
        .optional();
  }
}
