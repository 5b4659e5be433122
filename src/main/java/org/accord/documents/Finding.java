package org.accord.documents;

/**
 * One rule a document breaks: the rule's code, how serious, and what to do about it in Chinese.
 *
 * @param rule the rule's code, e.g. {@code GENRE_DIRECTION}
 * @param severity ERROR blocks sign-off; WARNING is shown and may be overridden
 * @param message the Chinese message for the drafter
 */
record Finding(String rule, Severity severity, String message) {

    enum Severity {
        ERROR,
        WARNING
    }
}
