package io.quiver.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.bench.LoadMix;
import org.junit.jupiter.api.Test;

/**
 * 64 pgjdbc clients mix k-NN queries on an HNSW index with inserts, updates and deletes for a few seconds: no
 * error but retried 40001, and the table holds exactly the acknowledged writes. The long run is
 * {@code io.quiver.bench.LoadMixBenchmark}.
 */
class LoadMixTest {
    private static final int SECONDS = Integer.getInteger("quiver.loadmix.seconds", 12);

    @Test
    void sixtyFourClientsLoseNoAcknowledgedWrite() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            LoadMix.Report report = LoadMix.run(new LoadMix.Settings(server.jdbcUrl(), "postgres", 64, SECONDS, 16, 20));
            System.out.print(report.describe());
            assertThat(report.unexpectedErrors()).isEmpty();
            assertThat(report.ledgerMismatches()).isEmpty();
            assertThat(report.rowsVerified()).isPositive();
            report.latencies().forEach((operation, latency) ->
                    assertThat(latency.count()).as("%s operations", operation).isPositive());
        }
    }
}
