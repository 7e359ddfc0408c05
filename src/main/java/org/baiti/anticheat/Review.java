package org.baiti.anticheat;

import java.time.Instant;
import java.util.List;

/** An attempt on the organizer's review list, with its signals; the phone is masked. */
record Review(String attemptId, String name, String phone, String unit, String address, int attemptNo,
                     Instant issuedAt, Instant submittedAt, Long durationMs, Double accuracy, List<Item> signals) {

    /** One signal as listed. */
    public record Item(String kind, Instant at, int count, String detail) {
    }
}
