package org.backprop.notebooks.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Streams for JShell's builder that look up {@code System.out}, {@code System.err} or {@code System.in} anew
 * on every call. basekernel installs its Jupyter streams only for the duration of an execute request, so a
 * stream captured once, when the shell is built, would write to the wrong place.
 */
final class CurrentStdio {
    private CurrentStdio() {
    }

    static PrintStream out() {
        return new PrintStream(new Follower(false));
    }

    static PrintStream err() {
        return new PrintStream(new Follower(true));
    }

    static InputStream in() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return System.in.read();
            }

            @Override
            public int read(byte[] into, int at, int count) throws IOException {
                return System.in.read(into, at, count);
            }

            @Override
            public int available() throws IOException {
                return System.in.available();
            }
        };
    }

    /** Passes bytes on to whichever of {@code System.out} / {@code System.err} is installed right now. */
    private static final class Follower extends OutputStream {
        private final boolean toErr;

        Follower(boolean toErr) {
            this.toErr = toErr;
        }

        private PrintStream now() {
            return this.toErr ? System.err : System.out;
        }

        @Override
        public void write(int oneByte) {
            now().write(oneByte);
        }

        @Override
        public void write(byte[] bytes, int at, int count) {
            now().write(bytes, at, count);
        }

        @Override
        public void flush() {
            now().flush();
        }
    }
}
