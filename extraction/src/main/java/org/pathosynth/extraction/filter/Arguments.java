package org.pathosynth.extraction.filter;

/** What the filters of this package say of a spec argument: they take none ("length", not "length:30"). */
final class Arguments {
    private Arguments() {
    }

    static void none(String filter, String argument) {
        if (argument != null) {
            throw new IllegalArgumentException("filter '" + filter + "' takes no argument (got '" + filter + ":" + argument
                    + "'); set its options instead");
        }
    }
}
