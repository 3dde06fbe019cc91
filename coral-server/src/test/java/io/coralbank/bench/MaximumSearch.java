package io.coralbank.bench;

import java.util.List;

/**
 * Finds one scenario's maximum sustained rate ({@link LoadReport#sustained()}). It offers the
 * listed rates in order until one is not sustained; if every one was, it climbs past the list by a
 * quarter at a time, up to {@value #CLIMBS_PAST_THE_LIST} times; then it halves the gap between the
 * highest sustained rate and the first unsustained one {@code refinements} times. The listed rates
 * are a coarse ladder (4,000 then 5,000), and the ratios the targets judge move by a quarter across
 * such a gap; each halving places the maximum within half of what is left.
 */
final class MaximumSearch {

  /**
   * How many rates, each a quarter above the last, are offered past the list when every listed rate
   * was sustained; a maximum still not found is reported as not bracketed.
   */
  static final int CLIMBS_PAST_THE_LIST = 3;

  /** Rates past the list are multiples of this many requests a second. */
  static final int GRANULARITY = 50;

  /** Where a step falls, which decides how long it warms up. */
  enum Phase {
    /** The scenario's first step: the server's code for it is still cold. */
    FIRST,
    /** A step after a sustained one. */
    NEXT,
    /**
     * A halving, which may follow an overload whose backlog the database is still absorbing
     * (checkpoint, vacuum), as the 70% measurement does.
     */
    AFTER_AN_OVERLOAD
  }

  /** Measures one step at {@code rate}. */
  interface Step {
    LoadReport run(int rate, Phase phase) throws Exception;
  }

  /**
   * @param best the highest sustained step, or null if none was
   * @param withinTailTarget the highest sustained step with p99 under the tail target, or null
   * @param bracketed whether a rate above {@code best} was offered and not sustained: if not, the
   *     maximum is only "at least" {@code best}
   */
  record Result(LoadReport best, LoadReport withinTailTarget, boolean bracketed) {}

  private LoadReport best;
  private LoadReport withinTailTarget;

  private MaximumSearch() {}

  static Result find(List<Integer> rates, int refinements, Step step) throws Exception {
    MaximumSearch search = new MaximumSearch();
    Integer firstUnsustained = null;
    Phase phase = Phase.FIRST;
    for (int rate : rates) {
      if (!search.record(step.run(rate, phase))) {
        firstUnsustained = rate;
        break;
      }
      phase = Phase.NEXT;
    }
    if (search.best == null) {
      return new Result(null, null, false);
    }
    for (int climb = 0; firstUnsustained == null && climb < CLIMBS_PAST_THE_LIST; climb++) {
      int rate = rounded(search.best.offered() * 5 / 4);
      if (!search.record(step.run(rate, Phase.NEXT))) {
        firstUnsustained = rate;
      }
    }
    int low = (int) search.best.offered();
    int high = firstUnsustained == null ? low : firstUnsustained;
    for (int refinement = 0; refinement < refinements; refinement++) {
      int middle = rounded((low + high) / 2.0);
      if (middle <= low || middle >= high) {
        break;
      }
      if (search.record(step.run(middle, Phase.AFTER_AN_OVERLOAD))) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return new Result(search.best, search.withinTailTarget, firstUnsustained != null);
  }

  /**
   * Records a measured step and answers whether it was sustained. Sustained steps arrive in rising
   * order of rate (a halving never goes below the highest sustained rate), so the last one recorded
   * is the highest.
   */
  private boolean record(LoadReport report) {
    if (!report.sustained()) {
      return false;
    }
    best = report;
    if (report.latencies().getValueAtPercentile(99) < HttpLoad.TAIL_TARGET_MICROSECONDS) {
      withinTailTarget = report;
    }
    return true;
  }

  /** A rate rounded down to a multiple of {@value #GRANULARITY} requests a second. */
  private static int rounded(double requestsPerSecond) {
    return (int) requestsPerSecond / GRANULARITY * GRANULARITY;
  }
}
