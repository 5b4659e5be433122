package org.accord.cases;

/** No such case, or none the signed-in account may see: 404 either way. */
class CaseNotFound extends RuntimeException {

    CaseNotFound(String what) {
        super("Case " + what + " not found or outside the data scope");
    }
}
