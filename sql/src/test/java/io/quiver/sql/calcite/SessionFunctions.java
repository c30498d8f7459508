package io.quiver.sql.calcite;

/** pg_catalog's session functions, as the compiler tests' schema defines them (generated code calls them). */
public final class SessionFunctions {
    private SessionFunctions() {
    }

    public static String current_schema() {
        return "public";
    }
}
