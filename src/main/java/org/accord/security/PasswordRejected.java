package org.accord.security;

import java.util.List;

/** A new password the policy refuses; the problems are Chinese sentences. Nothing was changed. */
class PasswordRejected extends RuntimeException {

    private final List<String> problems;

    PasswordRejected(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
