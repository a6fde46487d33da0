package org.backprop.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Stands in for the helper jar's org.backprop.data.FashionMnist in the launcher's tests (the
 * Sandbox compiles it into the jar the stand-in mvnw "builds"): records the call in $FAKE_CALLS,
 * then prints where the data set is, or fails with the message $FAKE_FETCH_ERROR.
 */
public final class FashionMnist {
    public static void main(String[] args) throws Exception {
        String argv = Arrays.stream(args).map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        Files.writeString(Path.of(System.getenv("FAKE_CALLS")), "{\"program\": \"fashion-mnist\", \"argv\": [" + argv
                + "], \"cwd\": \"" + System.getProperty("user.dir") + "\"}\n", StandardOpenOption.APPEND);
        String error = System.getenv("FAKE_FETCH_ERROR");
        if (error != null) {
            System.err.println(error);
            System.exit(1);
        }
        System.out.println("Fashion-MNIST: checked, in /stand-in/fashion-mnist (the system's copy)");
    }
}
