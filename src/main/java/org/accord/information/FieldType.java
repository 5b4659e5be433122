package org.accord.information;

/** What a field of a request's form asks for. A table's columns take any type but table and attachment. */
enum FieldType {
    TEXT,
    NUMBER,
    DATE,
    SINGLE,
    MULTIPLE,
    TABLE,
    ATTACHMENT;

    public String messageKey() {
        return "information.field.type." + name();
    }

    boolean allowedInTable() {
        return this != TABLE && this != ATTACHMENT;
    }
}
