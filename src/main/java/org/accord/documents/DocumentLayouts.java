package org.accord.documents;

/** Renders an issued document in the GB/T 9704-2012 layout. */
interface DocumentLayouts {

    /** The document as .docx (A4, the standard margins and grid, red issuer mark and separator). */
    byte[] docx(DocumentLayout layout);

    /** The document as PDF with the Chinese fonts embedded. */
    byte[] pdf(DocumentLayout layout);

    /** The document as OFD (GB/T 33190) with the same pages as the PDF and its font embedded. */
    byte[] ofd(DocumentLayout layout);
}
