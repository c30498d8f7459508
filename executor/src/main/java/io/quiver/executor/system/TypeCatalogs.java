package io.quiver.executor.system;

import io.quiver.common.type.PgType;

/** pg_type, pg_am, pg_opclass and pg_collation: the types, access methods and collations Quiver has. */
final class TypeCatalogs {
    static final SystemTable TYPE = new SystemTable(
            "oid:oid typname:name typnamespace:oid typowner:oid typlen:int2 typbyval:bool typtype:char "
                    + "typcategory:char typispreferred:bool typisdefined:bool typdelim:char typrelid:oid "
                    + "typsubscript:text typelem:oid typarray:oid typinput:text typoutput:text typreceive:text "
                    + "typsend:text typmodin:text typmodout:text typanalyze:text typalign:char typstorage:char "
                    + "typnotnull:bool typbasetype:oid typtypmod:int4 typndims:int4 typcollation:oid "
                    + "typdefaultbin:text typdefault:text typacl:_text",
            TypeCatalogs::types);
    static final SystemTable AM = new SystemTable("oid:oid amname:name amhandler:text amtype:char",
            (context, rows) -> {
                rows.add().set("oid", SystemObjects.HEAP_AM).set("amname", "heap")
                        .set("amhandler", "heap_tableam_handler").set("amtype", "t");
                rows.add().set("oid", SystemObjects.BTREE_AM).set("amname", "btree").set("amhandler", "bthandler")
                        .set("amtype", "i");
                rows.add().set("oid", SystemObjects.HASH_AM).set("amname", "hash").set("amhandler", "hashhandler")
                        .set("amtype", "i");
                rows.add().set("oid", SystemObjects.IVFFLAT_AM).set("amname", "ivfflat")
                        .set("amhandler", "ivfflathandler").set("amtype", "i");
                rows.add().set("oid", SystemObjects.HNSW_AM).set("amname", "hnsw").set("amhandler", "hnswhandler")
                        .set("amtype", "i");
            });
    static final SystemTable OPCLASS = new SystemTable(
            "oid:oid opcmethod:oid opcname:name opcnamespace:oid opcowner:oid opcfamily:oid opcintype:oid "
                    + "opcdefault:bool opckeytype:oid",
            (context, rows) -> {
                for (OperatorClasses.OperatorClass opclass : OperatorClasses.all()) {
                    rows.add().set("oid", opclass.oid()).set("opcmethod", opclass.accessMethod())
                            .set("opcname", opclass.name()).set("opcnamespace", opclass.namespace())
                            .set("opcowner", SystemObjects.BOOTSTRAP_SUPERUSER).set("opcfamily", opclass.family())
                            .set("opcintype", opclass.inputType().oid()).set("opcdefault", opclass.isDefault())
                            .set("opckeytype", 0);
                }
            });
    static final SystemTable COLLATION = new SystemTable(
            "oid:oid collname:name collnamespace:oid collowner:oid collprovider:char collisdeterministic:bool "
                    + "collencoding:int4 collcollate:text collctype:text colliculocale:text collversion:text",
            (context, rows) -> {
                collation(rows, SystemObjects.DEFAULT_COLLATION, "default", "d", null);
                collation(rows, 950, "C", "c", "C");
                collation(rows, 951, "POSIX", "c", "POSIX");
            });

    private TypeCatalogs() {
    }

    private static void collation(SystemTable.Rows rows, long oid, String name, String provider, String locale) {
        rows.add().set("oid", oid).set("collname", name).set("collnamespace", SystemObjects.PG_CATALOG_NAMESPACE)
                .set("collowner", SystemObjects.BOOTSTRAP_SUPERUSER).set("collprovider", provider)
                .set("collisdeterministic", true).set("collencoding", -1).set("collcollate", locale)
                .set("collctype", locale);
    }

    private static void types(SystemContext context, SystemTable.Rows rows) {
        for (PgType type : PgType.values()) {
            TypeTraits traits = TypeTraits.of(type);
            PgType base = type.isArray() ? type.elementType() : type;
            boolean vector = base == PgType.VECTOR || base == PgType.HALFVEC || base == PgType.SPARSEVEC;
            rows.add().set("oid", type.oid()).set("typname", type.typname())
                    .set("typnamespace", vector ? SystemObjects.PUBLIC_NAMESPACE : SystemObjects.PG_CATALOG_NAMESPACE)
                    .set("typowner", SystemObjects.BOOTSTRAP_SUPERUSER).set("typlen", type.typlen())
                    .set("typbyval", traits.byValue()).set("typtype", traits.typtype())
                    .set("typcategory", traits.category()).set("typispreferred", traits.preferred())
                    .set("typisdefined", true).set("typdelim", ",").set("typrelid", 0)
                    .set("typsubscript", type.isArray() ? "array_subscript_handler" : "-")
                    .set("typelem", type.isArray() ? type.elementType().oid() : 0).set("typarray", type.arrayOid())
                    .set("typinput", traits.input()).set("typoutput", traits.output())
                    .set("typreceive", traits.receive()).set("typsend", traits.send())
                    .set("typmodin", typmodIn(base)).set("typmodout", "-")
                    .set("typanalyze", "-").set("typalign", traits.align()).set("typstorage", traits.storage())
                    .set("typnotnull", false).set("typbasetype", 0).set("typtypmod", -1).set("typndims", 0)
                    .set("typcollation", traits.collation());
        }
    }

    /** The type modifier input function of a type (or of an array's element type), "-" for none. */
    private static String typmodIn(PgType base) {
        return switch (base) {
            case VECTOR, HALFVEC, SPARSEVEC -> base.typname() + "_typmod_in";
            case BIT -> "bittypmodin";
            case VARBIT -> "varbittypmodin";
            default -> "-";
        };
    }
}
