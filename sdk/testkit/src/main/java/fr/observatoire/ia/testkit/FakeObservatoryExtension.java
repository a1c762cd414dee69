package fr.observatoire.ia.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Supplier;

/**
 * A {@link FakeObservatory} for JUnit 5 tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeObservatoryExtension observatory = new FakeObservatoryExtension();
 *
 * @Test
 * void declares(FakeObservatory observatory) { ... }   // or observatory.get()
 * }</pre>
 *
 * In a static field, one observatory serves the whole class and is {@link FakeObservatory#reset() reset} before
 * each test (received declarations and simulated failures; enrolled keys stay, so a class may enrol once). In an
 * instance field, each test gets a new one. Test methods may also take a {@link FakeObservatory} parameter.
 */
public final class FakeObservatoryExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private final Supplier<FakeObservatory> factory;
    private FakeObservatory observatory;
    private boolean perClass;
    /** Nested test classes call beforeAll/afterAll again on a static extension: one observatory for them all. */
    private int classDepth;

    public FakeObservatoryExtension() {
        this(FakeObservatory::start);
    }

    /** With a configured observatory: {@code new FakeObservatoryExtension(FakeObservatory.builder().clock(clock))}. */
    public FakeObservatoryExtension(FakeObservatory.Builder builder) {
        this(builder::start);
    }

    private FakeObservatoryExtension(Supplier<FakeObservatory> factory) {
        this.factory = factory;
    }

    /** The running observatory. */
    public FakeObservatory get() {
        if (observatory == null) {
            throw new IllegalStateException("the fake observatory runs during tests only (register the extension with @RegisterExtension)");
        }
        return observatory;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        if (classDepth++ == 0) {
            observatory = factory.get();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            observatory.reset();
        } else {
            observatory = factory.get();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeObservatory.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }

    private void stop() {
        if (observatory != null) {
            observatory.close();
            observatory = null;
        }
    }
}
