package org.accord.notify;

/**
 * How urgent a notice is. An urgent notice goes out by e-mail and SMS at once, whatever the
 * recipient's preferences and quiet hours say; a normal one follows them.
 */
public enum Urgency {
    NORMAL,
    URGENT
}
