package org.backprop.notebooks.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import jdk.jshell.spi.SPIResolutionException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The engine that runs snippets, with the properties of IJava 1.3.0's engine that notebooks can observe.
 *
 * <p><b>Class loading.</b> It is a {@link DirectExecutionControl} made with the no-argument constructor, so
 * snippet classes and every {@code %jars} jar are loaded by the JDK's {@code DefaultLoaderDelegate}: a
 * {@code URLClassLoader} whose parent is the system class loader, the kernel's. Parent first, so a jar class
 * implementing basekernel's {@code DisplayDataRenderable} gets the kernel's own copy of that interface (and
 * the kernel's renderer recognises it), and a library the kernel also carries comes from the kernel. The
 * delegate also makes its loader the context class loader of the thread that builds the engine: JShell builds
 * it lazily, during the first evaluation, on basekernel's shell thread.
 *
 * <p><b>Threads.</b> Each snippet body ({@code do_it$}) runs on a pooled thread named
 * {@code IJava-executor-<n>} while the shell thread waits. Pool threads are started from the shell thread
 * and so inherit its context class loader.
 *
 * <p><b>Values.</b> JShell expects {@link #invoke(Method)} to return the value's text. Instead the value
 * itself is parked here and a ticket is returned, which ends up as {@code SnippetEvent.value()};
 * {@link JShellSession} exchanges it for the object with {@link #redeem(String)}, so the cell's result can be
 * rendered richly. A null value is refused, and the refusal makes JShell record an internal error and leave
 * the event without a value: IJava's engine behaves that way (its result map rejects null), which is why
 * statements, void calls and null-valued expressions never produce an execute_result there.
 *
 * <p>No time limit and no interrupts (IJava's defaults without {@code IJAVA_TIMEOUT}; interrupt requests
 * are not sent by the harness).
 */
final class InProcessEngine extends DirectExecutionControl {
    private static final AtomicInteger WORKERS_STARTED = new AtomicInteger();

    private final ExecutorService workers = Executors.newCachedThreadPool(
            task -> new Thread(task, "IJava-executor-" + WORKERS_STARTED.getAndIncrement()));
    private final Map<String, Object> parked = new ConcurrentHashMap<>();
    private final AtomicLong lastTicket = new AtomicLong();

    /** A provider for {@code JShell.Builder.executionEngine} that reports each engine it creates. */
    static ExecutionControlProvider provider(Consumer<InProcessEngine> created) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "notebook-tests-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                InProcessEngine engine = new InProcessEngine(); // on the calling thread: see class comment
                created.accept(engine);
                return engine;
            }
        };
    }

    /** The value parked under a ticket this engine handed out; each ticket can be redeemed once. */
    Object redeem(String ticket) {
        Object value = this.parked.remove(ticket);
        if (value == null)
            throw new IllegalStateException("no value parked under ticket " + ticket);
        return value;
    }

    @Override
    protected String invoke(Method doIt) throws Exception {
        Object value;
        try {
            value = this.workers.submit(() -> doIt.invoke(null)).get();
        } catch (ExecutionException failed) {
            throw asRunException(failed);
        }
        if (value == null)
            throw new IllegalStateException("null is not kept as a snippet value"); // see "Values" above
        String ticket = "value#" + this.lastTicket.incrementAndGet();
        this.parked.put(ticket, value);
        return ticket;
    }

    /**
     * What JShell should report for a snippet body that threw: an unresolved reference for JShell's own
     * marker exception, otherwise the thrown class, message (never null: "null" instead) and stack.
     */
    private static RunException asRunException(ExecutionException failed) {
        Throwable thrown = failed.getCause();
        if (thrown instanceof InvocationTargetException reflective)
            thrown = reflective.getCause();
        if (thrown instanceof SPIResolutionException unresolved)
            return new ResolutionException(unresolved.id(), unresolved.getStackTrace());

        boolean known = thrown != null;
        String message = known ? String.valueOf(thrown.getMessage()) : "null";
        String className = known ? thrown.getClass().getName() : "Unknown Invocation Exception";
        StackTraceElement[] where = known ? thrown.getStackTrace() : failed.getStackTrace();
        return new UserException(message, className, where);
    }

    @Override
    public void stop() {
        this.workers.shutdownNow();
    }
}
