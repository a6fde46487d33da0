package org.backprop.nn;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shares the rows of one loop out among the machine's cores: rows [0, n) are cut into one
 * contiguous range per thread, the calling thread takes the first, and the call returns when
 * every range is done. Each row is computed by the same code whichever thread runs it, so the
 * results do not depend on the number of threads or on their timing — the same seed gives the
 * same bits.
 *
 * <p>A batch of a training loop lasts tens of microseconds, too short to wake a sleeping thread
 * each time: the workers spin for a while after each range ({@link #SPIN_NANOS}) and only then
 * park. Loops with less work than {@link #MIN_WORK} multiply-adds run on the calling thread, as
 * do calls while another thread is using the workers.
 */
final class Parallel {

    /** A loop over rows whose ranges can run at the same time; part p of {@link #parts()} gets rows from … to − 1. */
    interface Rows {
        void run(int part, int from, int to);
    }

    /** Below this many multiply-adds a loop is not worth sharing. */
    static final long MIN_WORK = 100_000;

    /** How long an idle worker spins before it parks. */
    private static final long SPIN_NANOS = 200_000;

    private static final Worker[] WORKERS = new Worker[Math.max(0,
            Math.min(Runtime.getRuntime().availableProcessors(), 8) - 1)];
    private static final ReentrantLock IN_USE = new ReentrantLock();
    /** Callers inside {@link #serially} now; while any, every loop runs on its calling thread. */
    private static volatile int serialCallers;

    private Parallel() {
    }

    /** The most ranges a loop is cut into: the threads that may run it. */
    static int parts() {
        return WORKERS.length + 1;
    }

    /**
     * Runs {@code rows.run} over [0, n), shared out if {@code work} (multiply-adds) is worth it.
     * Range boundaries fall on multiples of {@code align}, so blocked loops keep whole blocks.
     */
    static void run(Rows rows, int n, long work, int align) {
        int parts = Math.min(WORKERS.length + 1, n / align);
        if (parts < 2 || work < MIN_WORK || serialCallers > 0 || !IN_USE.tryLock()) {
            rows.run(0, 0, n);
            return;
        }
        try {
            for (int p = 1; p < parts; p++) {
                worker(p - 1).post(rows, p, bound(p, parts, n, align), bound(p + 1, parts, n, align));
            }
            Throwable failure = null;
            try {
                rows.run(0, 0, bound(1, parts, n, align));
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int p = 1; p < parts; p++) {
                Throwable other = WORKERS[p - 1].await();
                failure = failure == null ? other : failure;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure != null) {
                throw (Error) failure;
            }
        } finally {
            IN_USE.unlock();
        }
    }

    /** Runs {@code work} with every loop on the calling thread: to show that the threads change no bit. */
    static <T> T serially(java.util.function.Supplier<T> work) {
        synchronized (Parallel.class) {
            serialCallers++;
        }
        try {
            return work.get();
        } finally {
            synchronized (Parallel.class) {
                serialCallers--;
            }
        }
    }

    /** Where range p of {@code parts} starts: p·n/parts, rounded to the nearest multiple of align. */
    private static int bound(int p, int parts, int n, int align) {
        return p == parts ? n : (int) (((long) n * p / parts + align / 2) / align * align);
    }

    private static Worker worker(int index) {
        if (WORKERS[index] == null) {
            WORKERS[index] = new Worker(index + 1);
        }
        return WORKERS[index];
    }

    /** One spinning, then parking, daemon thread that runs the ranges posted to it. */
    private static final class Worker implements Runnable {
        private final Thread thread;
        private volatile long posted;
        private volatile long done;
        private volatile boolean parked;
        private Rows rows;
        private int part;
        private int from;
        private int to;
        private Throwable failure;

        Worker(int number) {
            thread = new Thread(this, "backprop-worker-" + number);
            thread.setDaemon(true);
            thread.start();
        }

        void post(Rows rows, int part, int from, int to) {
            this.rows = rows;
            this.part = part;
            this.from = from;
            this.to = to;
            this.failure = null;
            posted = posted + 1;
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        Throwable await() {
            while (done != posted) {
                Thread.onSpinWait();
            }
            Throwable result = failure;
            rows = null;
            return result;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long idleSince = System.nanoTime();
                while (posted == seen) {
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (posted == seen) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                seen = posted;
                try {
                    rows.run(part, from, to);
                } catch (Throwable e) {
                    failure = e;
                }
                done = seen;
            }
        }
    }
}
