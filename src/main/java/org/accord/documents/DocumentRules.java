package org.accord.documents;

import java.util.List;

/** Checks a document against the rules for official documents (docs/document-rules.md). */
interface DocumentRules {

    /** Every rule the document breaks, in the order of the rules list; empty when it passes. */
    List<Finding> check(DocumentText document);
}
