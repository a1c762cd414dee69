package fr.observatoire.ia.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The failures a test asked the fake observatory to simulate. Thread-safe: WireMock serves on its own threads. */
final class FaultPlan {
    /** An HTTP failure answered instead of processing a request. */
    record Failure(int status, Optional<Duration> retryAfter) {
    }

    private final Deque<Failure> next = new ArrayDeque<>();
    private boolean down;
    private int answersToLose;
    private Duration delay = Duration.ZERO;

    synchronized void failNext(Failure failure) {
        next.addLast(failure);
    }

    synchronized Optional<Failure> takeFailure() {
        return Optional.ofNullable(next.pollFirst());
    }

    synchronized void loseNextAnswer() {
        answersToLose++;
    }

    /** True once per {@link #loseNextAnswer()}: the request was processed, the answer is cut. */
    synchronized boolean takeLostAnswer() {
        if (answersToLose == 0) {
            return false;
        }
        answersToLose--;
        return true;
    }

    synchronized void down(boolean isDown) {
        down = isDown;
    }

    synchronized boolean isDown() {
        return down;
    }

    synchronized void delay(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a delay is not negative: " + value);
        }
        delay = value;
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized void clear() {
        next.clear();
        down = false;
        answersToLose = 0;
        delay = Duration.ZERO;
    }
}
