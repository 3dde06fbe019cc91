package io.coralbank.dialect.bcb;

import io.coralbank.jobs.Job;
import io.coralbank.jobs.Jobs;
import io.coralbank.web.Caller;
import io.coralbank.web.RequiresPermission;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** BCB's background jobs: the caller's unfinished jobs, one job, its item results, cancelling. */
@RestController
class JobsController {

  private final Jobs jobs;
  private final BcbPageTokens tokens;
  private final JsonMapper json = JsonMapper.builder().build();

  JobsController(Jobs jobs, BcbPageTokens tokens) {
    this.jobs = jobs;
    this.tokens = tokens;
  }

  @RequiresPermission("get-jobs")
  @GetMapping(
      path = "/v1/jobs",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  BcbList<VirtualAccountViews.JobView> unfinished(
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      Caller caller) {
    BcbPaging paging = BcbPaging.parse(pageStart, pageSize, null, "jobs", tokens);
    long total = jobs.countUnfinished(caller.customerId());
    List<VirtualAccountViews.JobView> data =
        jobs.unfinished(caller.customerId(), paging.offset(), paging.pageSize()).stream()
            .map(JobsController::view)
            .toList();
    return paging.envelope(data, total, total, "jobs:" + caller.customerId(), tokens);
  }

  @RequiresPermission("get-jobs")
  @GetMapping(
      path = "/v1/jobs/{jobId}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  VirtualAccountViews.JobView job(@PathVariable String jobId, Caller caller) {
    return view(own(jobId, caller));
  }

  @RequiresPermission("get-jobs")
  @GetMapping(
      path = "/v1/jobs/{jobId}/results",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  BcbList<VirtualAccountViews.JobResult> results(
      @PathVariable String jobId,
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      Caller caller) {
    Job job = own(jobId, caller);
    String fingerprint = "job-results:" + job.id();
    BcbPaging paging = BcbPaging.parse(pageStart, pageSize, pageToken, fingerprint, tokens);
    List<VirtualAccountViews.JobResult> data =
        jobs.items(job.id(), paging.offset(), paging.pageSize()).stream()
            .map(this::result)
            .toList();
    return paging.envelope(data, job.total(), job.total(), fingerprint, tokens);
  }

  @RequiresPermission("create-virtual-accounts")
  @DeleteMapping(
      path = "/v1/jobs/{jobId}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  VirtualAccountViews.JobView cancel(@PathVariable String jobId, Caller caller) {
    return jobs.cancel(caller.customerId(), id(jobId))
        .map(JobsController::view)
        .orElseThrow(JobsController::notFound);
  }

  private VirtualAccountViews.JobResult result(Job.Item item) {
    String resultJson = null;
    if (item.result() != null) {
      String number = json.readTree(item.result()).path("accountNumber").asString();
      resultJson =
          json.writeValueAsString(
              java.util.Map.of("virtualAccountNumber", number, "bicCode", BcbSurface.BIC));
    }
    Object error =
        item.error() == null
            ? null
            : new BcbErrorResponse(
                "BAD_REQUEST",
                "Unfortunately, your virtual account could not be created / updated due to a"
                    + " technical issue. Please verify all provided information is correct.; "
                    + item.error());
    return new VirtualAccountViews.JobResult(
        item.position(), item.status(), item.httpStatus(), error, resultJson);
  }

  private Job own(String jobId, Caller caller) {
    return jobs.find(caller.customerId(), id(jobId)).orElseThrow(JobsController::notFound);
  }

  private static UUID id(String jobId) {
    try {
      return UUID.fromString(jobId);
    } catch (IllegalArgumentException notAnId) {
      throw notFound();
    }
  }

  private static BcbRejections.Refusal notFound() {
    return new BcbRejections.Refusal(404, "NOT_FOUND", "Job not found");
  }

  static VirtualAccountViews.JobView view(Job job) {
    return new VirtualAccountViews.JobView(
        job.id().toString(),
        job.status().name(),
        "job.status",
        new VirtualAccountViews.Summary(job.total(), job.completed(), job.failed()),
        job.createdAt().toString(),
        job.updatedAt().toString());
  }
}
