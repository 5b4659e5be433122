package org.accord.documents;

/** No such incoming document, or none the signed-in account may see: 404 either way. */
class IncomingNotFound extends RuntimeException {

    IncomingNotFound(long id) {
        super("Incoming document " + id + " not found or outside the data scope");
    }
}
