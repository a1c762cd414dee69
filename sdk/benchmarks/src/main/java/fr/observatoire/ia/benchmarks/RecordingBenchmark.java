package fr.observatoire.ia.benchmarks;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The cost of recording on the host thread: our cached handle's {@code add} next to OpenTelemetry's
 * {@code LongCounter.add} with pre-built attributes (cumulative temporality, as in OpenTelemetry's own benchmark), on
 * one thread and on two threads hitting the same series. And the handle lookup, which a host should not pay per
 * call (cache the handle).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {
    private Path dataDir;
    private ObservatoireSdk sdk;
    private ActivityCounter handle;
    private SdkMeterProvider meterProvider;
    private LongCounter otelCounter;
    private Attributes otelAttributes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("observatoire-bench");
        // The default checkpoint interval (5 s): the checkpoint thread drains the counters while the host adds.
        sdk = ObservatoireSdk.builder()
                .endpoint("http://127.0.0.1:9")
                .declarant(new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Commune de Nice"))
                .dataDir(dataDir)
                .shutdownHook(false)
                .build();
        handle = sdk.activity("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED);

        meterProvider = SdkMeterProvider.builder().registerMetricReader(new CumulativeReader()).build();
        otelCounter = meterProvider.get("observatoire-bench").counterBuilder("documents_drafted").build();
        otelAttributes = Attributes.of(AttributeKey.stringKey("usage"), "redaction-courriers",
                AttributeKey.stringKey("service"), "CIVIL_REGISTRY", AttributeKey.stringKey("action"), "DOCUMENT_DRAFTED");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        sdk.close();
        meterProvider.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    @Threads(1)
    public void observatoireAdd_1thread() {
        handle.add(1);
    }

    @Benchmark
    @Threads(2)
    public void observatoireAdd_2threads() {
        handle.add(1);
    }

    @Benchmark
    @Threads(1)
    public void otelAdd_1thread() {
        otelCounter.add(1, otelAttributes);
    }

    @Benchmark
    @Threads(2)
    public void otelAdd_2threads() {
        otelCounter.add(1, otelAttributes);
    }

    /** What a host pays if it does not keep the handle: a map lookup with a new key object each time. */
    @Benchmark
    @Threads(1)
    public void observatoireLookupThenAdd_1thread() {
        sdk.activity("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED).add(1);
    }

    /** A reader that only sets the temporality: collection is not what is measured. */
    static final class CumulativeReader implements MetricReader {
        @Override
        public void register(CollectionRegistration registration) {
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
