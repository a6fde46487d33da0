package org.backprop.notebooks.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code traceback} lines of an {@code error} output. IJava colours them with ANSI escapes; here they are
 * plain text, because the harness only ever shows them inside failure messages: what they say matters, not
 * how they look.
 */
final class Tracebacks {
    private static final String SOURCE_MARGIN = "|   ";

    private final JShell jshell;
    private final List<String> lines = new ArrayList<>();

    Tracebacks(JShell jshell) {
        this.jshell = jshell;
    }

    List<String> of(Exception failure) {
        if (failure instanceof CompilationException rejected) {
            Snippet snippet = rejected.event().snippet();
            this.lines.add("Compilation failed for snippet:");
            quote(snippet.source());
            this.jshell.diagnostics(snippet).forEach(diag -> explain(snippet.source(), diag));
            if (snippet instanceof DeclarationSnippet declaration)
                listMissing(declaration);
        } else if (failure instanceof IncompleteSourceException incomplete) {
            this.lines.add("Incomplete input:");
            quote(incomplete.unfinishedSource());
        } else if (failure instanceof UnresolvedReferenceException unresolved) {
            quote(unresolved.getSnippet().source());
            listMissing(unresolved.getSnippet());
        } else {
            stackTrace(failure);
        }
        return this.lines;
    }

    private void quote(String source) {
        source.lines().map(SOURCE_MARGIN::concat).forEach(this.lines::add);
    }

    /** The offending text, when the diagnostic has a usable span, then the message without "location:" lines. */
    private void explain(String source, Diag diag) {
        long from = diag.getStartPosition();
        long to = diag.getEndPosition();
        boolean spanInSource = from >= 0 && to >= from && to <= source.length();
        String span = spanInSource ? source.substring((int) from, (int) to).strip() : "";
        if (!span.isEmpty())
            this.lines.add("at: " + span);

        String severity = diag.isError() ? "error: " : "warning: ";
        for (String messageLine : diag.getMessage(Locale.ROOT).split("\\R")) {
            boolean locationLine = messageLine.trim().startsWith("location:");
            if (!locationLine)
                this.lines.add(severity + messageLine);
        }
    }

    /** What a declaration still needs before it can be used (a class or method it mentions that is undefined). */
    private void listMissing(DeclarationSnippet declaration) {
        List<String> missing = this.jshell.unresolvedDependencies(declaration).toList();
        if (missing.isEmpty())
            return;
        this.lines.add("Unresolved dependencies:");
        for (String name : missing)
            this.lines.add("   - " + name);
    }

    /**
     * The Java stack trace. JShell reports what a snippet threw as an {@link EvalException}; the trace names
     * the class the snippet actually threw instead, which is what a reader wants to see.
     */
    private void stackTrace(Exception failure) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            failure.printStackTrace(writer);
        }
        String trace = text.toString();
        if (failure instanceof EvalException thrown)
            trace = trace.replace(EvalException.class.getName(), thrown.getExceptionClassName());
        trace.lines().forEach(this.lines::add);
    }
}
