package org.accord.notify;

/** Where a delivery stands: waiting (perhaps for a retry), handed over, or given up. */
enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
