package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Options are checked before anything is built or installed; a bad one names itself and what it expected. */
class ArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryOptionAndTheOfflineZip() {
        Sandbox.Result result = new Sandbox(dir).run("--help");

        assertEquals(0, result.exitCode(), result.toString());
        for (String option : new String[] {"--port", "--no-browser", "--check", "--site", "--install-only", "--kernel-memory"}) {
            assertTrue(result.stdout().contains(option), option + " missing from\n" + result.stdout());
        }
        assertTrue(result.stdout().contains("IJAVA_ZIP=/path/to/ijava-1.3.0.zip"), result.stdout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --port|abc|argument --port: expected a port number from 1 to 65535, got 'abc'
            --port|0|argument --port: expected a port number from 1 to 65535, got '0'
            --port|70000|argument --port: expected a port number from 1 to 65535, got '70000'
            --kernel-memory|2gb|argument --kernel-memory: expected a size in the form java -Xmx takes, a number with k, m or g (e.g. 768m, 2g), got '2gb'
            --kernel-memory|-1g|argument --kernel-memory: expected one argument
            """)
    void rejectsABadValueNamingTheOption(String option, String value, String message) {
        Sandbox.Result result = new Sandbox(dir).run(option, value);

        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("./course: error: " + message), result.toString());
        assertTrue(result.stderr().startsWith("usage: ./course"), result.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --check --port 9000|--port applies only when ./course starts Jupyter, not with --check
            --site --no-browser|--no-browser applies only when ./course starts Jupyter, not with --site
            --install-only --port 9000|--port applies only when ./course starts Jupyter, not with --install-only
            --install-only --check|--install-only cannot be combined with --check
            --site out --kernel-memory 1g|--kernel-memory has no effect with --site alone (it renders without a kernel)
            --chek|unrecognized arguments: --chek
            """)
    void rejectsOptionsThatWouldBeIgnored(String args, String message) {
        Sandbox.Result result = new Sandbox(dir).run(args.split(" "));

        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("./course: error: " + message), result.toString());
    }
}
