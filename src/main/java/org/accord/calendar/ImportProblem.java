package org.accord.calendar;

import java.util.List;

/**
 * Something wrong with one row of a holiday list (line 0: the file as a whole), as a message key
 * and its arguments; the first argument is always the line number.
 */
record ImportProblem(int line, String messageKey, List<Object> arguments) {

    static ImportProblem at(int line, String problem, Object... details) {
        Object[] arguments = new Object[details.length + 1];
        arguments[0] = line;
        System.arraycopy(details, 0, arguments, 1, details.length);
        return new ImportProblem(line, "calendar.import.error." + problem, List.of(arguments));
    }

    Object[] argumentArray() {
        return arguments.toArray();
    }
}
