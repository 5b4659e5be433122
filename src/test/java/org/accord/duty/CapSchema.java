package org.accord.duty;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/** The official OASIS CAP 1.2 schema (a copy in test resources), to validate every message the tests see. */
final class CapSchema {

    private static final Schema SCHEMA = load();

    private CapSchema() {}

    /** Throws (and so fails the test) unless the message is valid CAP 1.2. */
    static void validate(String xml) throws Exception {
        SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(CapSchema.class.getResource("/cap/CAP-v1.2.xsd"));
        } catch (Exception e) {
            throw new IllegalStateException("CAP 1.2 schema not loaded", e);
        }
    }
}
