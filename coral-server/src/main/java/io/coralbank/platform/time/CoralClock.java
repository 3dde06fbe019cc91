package io.coralbank.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset that only grows. The offset is zero in production; in sandbox mode the
 * {@link SandboxClockService} moves it forward. Time never runs backwards, so nothing that already
 * expired can come back to life.
 */
public final class CoralClock extends Clock {

  private final Clock realTime;
  private final AtomicReference<Duration> offset;

  CoralClock(Clock realTime, Duration offset) {
    this.realTime = realTime;
    this.offset = new AtomicReference<>(offset);
  }

  @Override
  public Instant instant() {
    return realTime.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(realTime.withZone(zone), offset.get());
  }

  Duration offset() {
    return offset.get();
  }

  void setOffset(Duration newOffset) {
    offset.set(newOffset);
  }
}
