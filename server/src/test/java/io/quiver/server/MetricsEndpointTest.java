package io.quiver.server;

import static io.quiver.server.SqlAssertions.assertFails;
import static io.quiver.server.SqlAssertions.execute;
import static io.quiver.server.SqlAssertions.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint, scraped over HTTP before and after some work: the numbers move. */
class MetricsEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void scrapedMetricsFollowTheWork() throws Exception {
        try (RunningServer server = RunningServer.start(OperationalSettings.DEFAULTS.withMetricsPort(0));
             Connection c = server.connect()) {
            int port = server.server().metricsPort();
            String before = scrape(port);
            assertThat(value(before, "quiver_connections_open")).isEqualTo(1);
            assertThat(value(before, "quiver_tables")).isZero();

            execute(c, "CREATE TABLE m (id int PRIMARY KEY, v vector(2))");
            execute(c, "INSERT INTO m VALUES (1, '[1,2]'), (2, '[3,4]')");
            execute(c, "CREATE INDEX ON m USING hnsw (v vector_l2_ops)");
            assertThat(queryStrings(c, "SELECT id FROM m ORDER BY v <-> '[1,1]' LIMIT 1")).containsExactly("1");
            execute(c, "UPDATE m SET v = '[0,0]' WHERE id = 2");
            assertFails(c, "SELECT * FROM nope", "42P01");

            String after = scrape(port);
            assertThat(value(after, "quiver_tables")).isEqualTo(1);
            assertThat(value(after, "quiver_indexes")).isEqualTo(2); // m_pkey and the hnsw index
            assertThat(value(after, "quiver_queries_total{kind=\"select\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(after, "quiver_queries_total{kind=\"insert\"}")).isEqualTo(1);
            assertThat(value(after, "quiver_queries_total{kind=\"update\"}")).isEqualTo(1);
            assertThat(value(after, "quiver_queries_total{kind=\"ddl\"}")).isEqualTo(2);
            assertThat(value(after, "quiver_errors_total{class=\"42\"}")).isEqualTo(1);
            assertThat(value(after, "quiver_query_duration_seconds_count{kind=\"select\"}")).isGreaterThanOrEqualTo(1);
            assertThat(after).contains("quiver_query_duration_seconds_bucket{kind=\"select\",le=\"");
            assertThat(after).contains("quiver_index_build_tuples_done", "quiver_index_build_tuples_expected",
                    "quiver_mvstore_cache_hit_ratio");
            assertThat(value(after, "quiver_data_file_bytes")).isPositive();
            assertThat(value(after, "quiver_data_file_live_ratio")).isBetween(0.0, 1.0);
        }
    }

    @Test
    void noEndpointUnlessAsked() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            assertThat(server.server().metricsPort()).isEqualTo(OperationalSettings.NO_METRICS);
        }
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    /** The sample of {@code series} (a name with its labels as Prometheus prints them). */
    private static double value(String exposition, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(exposition);
        assertThat(matcher.find()).as("%s in%n%s", series, exposition).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
