package org.accord.cases;

/** How a case came in. */
enum Channel {
    PHONE,
    WEB,
    OPEN311,
    API
}
