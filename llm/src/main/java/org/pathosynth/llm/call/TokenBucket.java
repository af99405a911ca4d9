package org.pathosynth.llm.call;

/**
 * A client-side rate limit: {@code perMinute} units a minute, in bursts of at most one second's worth (or one
 * request's worth when a single request needs more). Reservations queue in arrival order by letting the balance
 * go negative; each caller sleeps for its own share of the debt.
 */
final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double balance;
    private long last;

    TokenBucket(double perMinute, long now) {
        if (!(perMinute > 0)) {
            throw new IllegalArgumentException("a rate limit must be positive, got " + perMinute);
        }
        perNano = perMinute / 60e9;
        capacity = Math.max(1, perMinute / 60);
        balance = capacity;
        last = now;
    }

    /** Takes {@code amount} units and returns the nanoseconds to wait before using them. */
    synchronized long reserve(double amount, long now) {
        balance = Math.min(Math.max(capacity, amount), balance + (now - last) * perNano);
        last = now;
        balance -= amount;
        return balance >= 0 ? 0 : (long) Math.ceil(-balance / perNano);
    }

    /** Gives back (or charges) a correction once the real amount is known. */
    synchronized void adjust(double delta) {
        balance += delta;
    }
}
