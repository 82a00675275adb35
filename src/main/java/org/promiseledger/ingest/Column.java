package org.promiseledger.ingest;

/**
 * One column of the data contract.
 *
 * @param references the input file whose ids this column must name, or null
 */
record Column(String name, FieldType type, boolean required, InputFile references) {

    static Column id(String name) {
        return new Column(name, new FieldType.Id(), true, null);
    }

    static Column ref(String name, InputFile target) {
        return new Column(name, new FieldType.Id(), true, target);
    }

    static Column optionalRef(String name, InputFile target) {
        return new Column(name, new FieldType.Id(), false, target);
    }

    static Column of(String name, FieldType type) {
        return new Column(name, type, true, null);
    }

    static Column optional(String name, FieldType type) {
        return new Column(name, type, false, null);
    }
}
