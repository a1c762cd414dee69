package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pull plugin whose source is a counter: each pull reads {@value #PER_PULL} records from the cursor (a number)
 * and returns them as {@value #PER_PULL} prompts on {@link #USAGE}, one agent per record, the usage for the
 * inventory and one malformed record as a loss. Steps queued with {@link #then} replace the next pulls (throw, ...).
 */
public final class FakePullPlugin implements PullPlugin {
    public static final String USAGE = "fake-usage";
    public static final int PER_PULL = 3;

    private final String name;
    private final Queue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<Optional<String>> cursorsSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();
    private volatile Step onStart = cursor -> null;
    private volatile String spiVersion = SPI_VERSION;
    private volatile PluginContext context;

    /** What a pull does instead of the normal batch; returning null means "the normal batch". */
    @FunctionalInterface
    public interface Step {
        PullBatch run(Optional<String> cursor) throws PluginException;
    }

    public FakePullPlugin(String name) {
        this.name = name;
    }

    /** The next pull runs {@code step} (queued after the earlier ones). */
    public FakePullPlugin then(Step step) {
        script.add(step);
        return this;
    }

    public FakePullPlugin failingStart(Step step) {
        this.onStart = step;
        return this;
    }

    public FakePullPlugin spiVersion(String version) {
        this.spiVersion = version;
        return this;
    }

    public static Step throwing(Throwable failure) {
        return cursor -> {
            if (failure instanceof PluginException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failure;
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "9.9.9";
    }

    @Override
    public String spiVersion() {
        return spiVersion;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofHours(1);
    }

    @Override
    public void start(PluginContext context) throws PluginException {
        starts.incrementAndGet();
        this.context = context;
        onStart.run(Optional.empty());
    }

    @Override
    public void stop() {
        stops.incrementAndGet();
    }

    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        cursorsSeen.add(cursor);
        Step step = script.poll();
        PullBatch scripted = step == null ? null : step.run(cursor);
        if (scripted != null) {
            return scripted;
        }
        long from = cursor.map(Long::parseLong).orElse(0L);
        progress.update(0, PER_PULL);
        var batch = PullBatch.builder();
        for (long record = from; record < from + PER_PULL; record++) {
            batch.activity(USAGE, Service.TRANSVERSAL, ActionKind.PROMPT, 1).agentActive(USAGE, "agent-" + record);
        }
        progress.update(PER_PULL, PER_PULL);
        return batch.usage(TestData.usage(USAGE)).loss(new LossCount(LossReason.MALFORMED_INPUT, name, 1))
                .records(PER_PULL).cursor(Long.toString(from + PER_PULL)).build();
    }

    public List<Optional<String>> cursorsSeen() {
        return List.copyOf(cursorsSeen);
    }

    public int pulls() {
        return cursorsSeen.size();
    }

    public int starts() {
        return starts.get();
    }

    public int stops() {
        return stops.get();
    }

    public PluginContext context() {
        return context;
    }
}
