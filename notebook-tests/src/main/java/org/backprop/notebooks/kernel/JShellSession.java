package org.backprop.notebooks.kernel;

import jdk.jshell.JShell;
import jdk.jshell.Snippet.SubKind;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kernel's one JShell, built and driven the way IJava 1.3.0 does it (as observed from its behaviour and
 * its {@code CodeEvaluatorBuilder} / {@code CodeEvaluator}).
 *
 * <p><b>The shell.</b> Standard streams that follow {@code System.out/err/in} ({@link CurrentStdio}), the
 * {@link InProcessEngine}, no compiler options and no extra class path: the compiler sees
 * {@code java.class.path} (the kernel's class path) and whatever {@code %jars} adds later.
 *
 * <p><b>Start-up.</b> Before the first cell, IJava's start-up script runs through the same path as a cell
 * (so a failure there surfaces on the first cell): the same default imports, static imports of the runtime
 * classes {@code Display}, {@code Kernel} and {@code Magics}, and a {@code printf} method.
 *
 * <p><b>A cell.</b> {@link SourceCodeAnalysis#analyzeCompletion} cuts the next complete snippet off the
 * front of the cell until nothing complete is left; each snippet is evaluated before the next is cut. A
 * remainder that is not empty is unfinished source ({@link IncompleteSourceException}). A snippet that
 * threw stops the cell with JShell's own exception ({@code EvalException},
 * {@code UnresolvedReferenceException}); one that JShell rejected stops it with
 * {@link CompilationException}. Only the snippet's own event counts for that, not events about older
 * snippets it happened to update.
 *
 * <p><b>The cell's value</b> is the value of its last snippet, and only if that snippet is an expression
 * ({@code x}, {@code 1 + 1}, {@code f(x)}, with or without {@code ;}). Declarations ({@code int x = 1;}),
 * assignments ({@code x = 2}), statements, imports, methods and classes give nothing; neither do void
 * calls and null-valued expressions, which carry no value at all (see {@link InProcessEngine}).
 */
final class JShellSession implements AutoCloseable {
    /** Snippet kinds whose value becomes the cell's result. */
    private static final Set<SubKind> EXPRESSIONS = EnumSet.of(
            SubKind.VAR_VALUE_SUBKIND,           // a bare variable: x
            SubKind.TEMP_VAR_EXPRESSION_SUBKIND, // any other expression with a value: 1 + 1, f(x)
            SubKind.OTHER_EXPRESSION_SUBKIND);   // void expressions; their value is null, so never shown

    /**
     * IJava also suppresses a result whose value equals this text (quotes included), a leftover of an older
     * magic protocol. Only a String expression with exactly that content is affected; kept for fidelity.
     */
    private static final String SUPPRESSED_RESULT = "\"__NO_MAGIC_RETURN\"";

    private final AtomicReference<InProcessEngine> engine = new AtomicReference<>();
    private final JShell jshell;
    private final SourceCodeAnalysis analysis;
    private String startupScript = startupScript();

    JShellSession() {
        this.jshell = JShell.builder()
                .out(CurrentStdio.out())
                .err(CurrentStdio.err())
                .in(CurrentStdio.in())
                .executionEngine(InProcessEngine.provider(this.engine::set), Map.of())
                .build();
        this.analysis = this.jshell.sourceCodeAnalysis();
    }

    /** The content of IJava's {@code ijava-jshell-init.jshell}, so that cells see the same names. */
    private static String startupScript() {
        Stream<String> imports = Stream.of("java.util", "java.io", "java.math", "java.net",
                "java.util.concurrent", "java.util.prefs", "java.util.regex").map(pkg -> "import " + pkg + ".*;");
        Stream<String> runtime = Stream.of("Display", "Kernel", "Magics")
                .map(cls -> "import static io.github.spencerpark.ijava.runtime." + cls + ".*;");
        String printf = "public void printf(String format, Object... args) { System.out.printf(format, args); }";
        return Stream.concat(Stream.concat(imports, runtime), Stream.of(printf)).collect(Collectors.joining("\n"));
    }

    JShell jshell() {
        return this.jshell;
    }

    /** Evaluates a cell (already free of magics) and returns its value, or null when it has none. */
    Object evaluate(String cell) throws Exception {
        String pending = this.startupScript;
        if (pending != null) {
            this.startupScript = null; // before running it: the script is evaluated by this very method
            evaluate(pending);
        }

        Object value = null;
        String rest = cell;
        while (true) {
            CompletionInfo next = this.analysis.analyzeCompletion(rest);
            Completeness completeness = next.completeness();
            if (!completeness.isComplete()) {
                if (completeness != Completeness.EMPTY)
                    throw new IncompleteSourceException(next.remaining().trim());
                return value;
            }
            value = evaluateSnippet(next.source());
            rest = next.remaining();
        }
    }

    private Object evaluateSnippet(String source) throws Exception {
        List<SnippetEvent> events = this.jshell.eval(source);

        // Redeem every parked value before anything can throw, or the engine would keep it forever.
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.value() != null)
                value = resultOf(event);
        }

        Exception problem = events.stream()
                .filter(event -> event.causeSnippet() == null) // the snippet's own event, not an update
                .map(JShellSession::problemOf)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (problem != null)
            throw problem;
        return value;
    }

    /** The object behind an event's value, if the snippet is an expression; otherwise null. */
    private Object resultOf(SnippetEvent event) {
        SubKind kind = event.snippet().subKind();
        // Values of executed snippets are tickets of the engine; a declaration without initializer is not
        // executed and its value is JShell's text for the default value.
        Object value = kind.isExecutable() ? this.engine.get().redeem(event.value()) : event.value();
        boolean shown = EXPRESSIONS.contains(kind) && !SUPPRESSED_RESULT.equals(value);
        return shown ? value : null;
    }

    private static Exception problemOf(SnippetEvent event) {
        if (event.exception() != null)
            return event.exception();
        return event.status().isDefined() ? null : new CompilationException(event);
    }

    @Override
    public void close() {
        this.jshell.close();
    }
}
