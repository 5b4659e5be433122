package org.accord.documents;

import org.springframework.stereotype.Service;

/**
 * Renders issued documents in the GB/T 9704-2012 layout: .docx with Apache POI, PDF with Apache PDFBox and
 * an embedded Chinese font, OFD with ofdrw on the PDF's positions. All three lay out the same {@link IssuedPage}
 * blocks. See docs/document-layout.md.
 */
@Service
class StandardLayouts implements DocumentLayouts {

    @Override
    public byte[] docx(DocumentLayout layout) {
        return DocxPages.render(layout);
    }

    /** @throws PdfPages.FontMissing when the font to embed is not installed */
    @Override
    public byte[] pdf(DocumentLayout layout) {
        return PdfPages.render(layout);
    }

    /** @throws PdfPages.FontMissing when the font to embed is not installed */
    @Override
    public byte[] ofd(DocumentLayout layout) {
        return OfdPages.render(layout);
    }
}
