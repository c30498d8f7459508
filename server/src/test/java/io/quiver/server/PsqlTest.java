package io.quiver.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The installed psql client, driven by a script, prints what it prints against PostgreSQL + pgvector. */
class PsqlTest {
    private static final String SCRIPT = """
            CREATE EXTENSION IF NOT EXISTS vector;
            CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(3), category int);
            INSERT INTO items (embedding, category) VALUES ('[1,2,3]', 1), ('[4,5,6]', 2), ('[1,1,1]', 1);
            CREATE INDEX ON items USING hnsw (embedding vector_l2_ops);
            CREATE INDEX items_cos ON items USING hnsw (embedding vector_cosine_ops) WITH (m = 8, ef_construction = 32);
            \\dt
            \\d items
            \\di
            \\d items_embedding_idx
            \\dx
            \\dn
            \\l
            SELECT current_schema, current_user;
            SELECT id, embedding, embedding <-> '[1,1,1]' AS distance FROM items ORDER BY embedding <-> '[1,1,1]' LIMIT 2;
            SELECT id FROM items WHERE category = 2 ORDER BY embedding <=> '[1,1,1]' LIMIT 1;
            SELECT nope FROM items;
            SELECT count(*) FROM items;
            """;

    @Test
    void scriptPrintsWhatPostgresPrints() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            Psql.Result result = Psql.run(server.port(), SCRIPT);
            assertThat(result.stdout()).contains("""
                    CREATE EXTENSION
                    CREATE TABLE
                    INSERT 0 3
                    CREATE INDEX
                    CREATE INDEX
                    """);
            assertThat(result.stdout()).contains("""
                             List of relations
                     Schema | Name  | Type  |  Owner  \s
                    --------+-------+-------+----------
                     public | items | table | postgres
                    (1 row)
                    """);
            assertThat(result.stdout()).contains("""
                                                   Table "public.items"
                      Column   |   Type    | Collation | Nullable |              Default             \s
                    -----------+-----------+-----------+----------+-----------------------------------
                     id        | bigint    |           | not null | nextval('items_id_seq'::regclass)
                     embedding | vector(3) |           |          |\s
                     category  | integer   |           |          |\s
                    Indexes:
                        "items_pkey" PRIMARY KEY, btree (id)
                        "items_cos" hnsw (embedding vector_cosine_ops) WITH (m='8', ef_construction='32')
                        "items_embedding_idx" hnsw (embedding vector_l2_ops)

                    """);
            assertThat(result.stdout()).contains("""
                                        List of relations
                     Schema |        Name         | Type  |  Owner   | Table\s
                    --------+---------------------+-------+----------+-------
                     public | items_cos           | index | postgres | items
                     public | items_embedding_idx | index | postgres | items
                     public | items_pkey          | index | postgres | items
                    (3 rows)
                    """);
            assertThat(result.stdout()).contains("""
                        Index "public.items_embedding_idx"
                      Column   |   Type    | Key? | Definition\s
                    -----------+-----------+------+------------
                     embedding | vector(3) | yes  | embedding
                    hnsw, for table "public.items"
                    """);
            assertThat(result.stdout()).contains("""
                                                 List of installed extensions
                      Name   | Version |   Schema   |                     Description                     \s
                    ---------+---------+------------+------------------------------------------------------
                     plpgsql | 1.0     | pg_catalog | PL/pgSQL procedural language
                     vector  | 0.8.6   | public     | vector data type and ivfflat and hnsw access methods
                    (2 rows)
                    """);
            assertThat(result.stdout()).contains("""
                          List of schemas
                      Name  |       Owner      \s
                    --------+-------------------
                     public | pg_database_owner
                    (1 row)
                    """);
            assertThat(result.stdout()).contains("""
                                                      List of databases
                      Name  |  Owner   | Encoding | Collate |  Ctype  | ICU Locale | Locale Provider | Access privileges\s
                    --------+----------+----------+---------+---------+------------+-----------------+-------------------
                     quiver | postgres | UTF8     | C.UTF-8 | C.UTF-8 |            | libc            |\s
                    (1 row)
                    """);
            assertThat(result.stdout()).contains("""
                     current_schema | current_user\s
                    ----------------+--------------
                     public         | postgres
                    (1 row)
                    """);
            assertThat(result.stdout()).contains("""
                     id | embedding |     distance    \s
                    ----+-----------+------------------
                      3 | [1,1,1]   |                0
                      1 | [1,2,3]   | 2.23606797749979
                    (2 rows)
                    """);
            assertThat(result.stdout()).contains("""
                     id\s
                    ----
                      2
                    (1 row)
                    """);
            assertThat(result.stderr()).contains("ERROR:  column \"nope\" does not exist");
            assertThat(result.stdout()).contains("""
                     count\s
                    -------
                         3
                    (1 row)
                    """);
        }
    }
}
