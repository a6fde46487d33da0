package org.backprop.notebooks.kernel;

import io.github.spencerpark.jupyter.kernel.magic.CellMagicArgs;
import io.github.spencerpark.jupyter.kernel.magic.CellMagicParseContext;
import io.github.spencerpark.jupyter.kernel.magic.LineMagicArgs;
import io.github.spencerpark.jupyter.kernel.magic.LineMagicParseContext;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;

import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the magics of a cell into plain Java before it is evaluated, with IJava 1.3.0's rules, using
 * basekernel's {@link MagicParser} to find them:
 * <ul>
 *   <li>A cell that starts with {@code %%name args} becomes one call
 *       {@code cellMagic(name, List.of(args...), body);{};} — the whole cell, nothing else is evaluated.</li>
 *   <li>Otherwise each {@code %name args} that starts a line or follows an {@code =} is replaced by
 *       {@code lineMagic(name, List.of(args...));{};} unless it sits inside a string literal. So
 *       {@code List<String> added = %jars x.jar} assigns the magic's value.</li>
 * </ul>
 * Names and arguments are passed as base64 text decoded at run time (no escaping needed), which relies on
 * the start-up import of {@code java.util.*}. The trailing {@code {};} makes the last snippet of a magic a
 * statement, so a cell that ends with a magic has no result.
 */
final class MagicRewriter {
    /** A line magic: '%' at the start of a line or after '=', whitespace allowed before it; a cell magic: "%%". */
    private final MagicParser parser = new MagicParser("(?<=(?:^|=))\\s*%", "%%");

    String rewrite(String cell) {
        CellMagicParseContext cellMagic = this.parser.parseCellMagic(cell);
        if (cellMagic == null)
            return this.parser.transformLineMagics(cell, this::rewriteLineMagic);
        CellMagicArgs call = cellMagic.getMagicCall();
        return statement("cellMagic", text(call.getName()), listOf(call.getArgs()), text(call.getBody()));
    }

    private String rewriteLineMagic(LineMagicParseContext found) {
        if (insideStringLiteral(found.getLinePrefix()))
            return found.getRaw();
        LineMagicArgs call = found.getMagicCall();
        return statement("lineMagic", text(call.getName()), listOf(call.getArgs()));
    }

    /**
     * Whether the text before the magic on its line leaves a string literal open: an odd number of double
     * quotes, not counting a quote right after a backslash.
     */
    static boolean insideStringLiteral(String lineBefore) {
        boolean open = false;
        char previous = 0;
        for (char c : lineBefore.toCharArray()) {
            if (c == '"' && previous != '\\')
                open = !open;
            previous = c;
        }
        return open;
    }

    private static String statement(String function, String... arguments) {
        return function + "(" + String.join(",", arguments) + ");{};";
    }

    private static String listOf(List<String> values) {
        return values.stream().map(MagicRewriter::text).collect(Collectors.joining(",", "List.of(", ")"));
    }

    /** A Java expression for the string; the platform charset on both sides, as IJava does. */
    private static String text(String value) {
        String base64 = Base64.getEncoder().encodeToString(value.getBytes());
        return "new String(Base64.getDecoder().decode(\"" + base64 + "\"))";
    }
}
