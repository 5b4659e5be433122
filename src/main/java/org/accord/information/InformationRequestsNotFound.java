package org.accord.information;

/** An object that does not exist or lies outside the viewer's data scope: 404 either way. */
class InformationRequestsNotFound extends RuntimeException {

    InformationRequestsNotFound() {
        super("not found");
    }
}
