package org.accord.notify;

/** A way a notice leaves Accord besides the inbox. */
enum Channel {
    EMAIL,
    SMS
}
