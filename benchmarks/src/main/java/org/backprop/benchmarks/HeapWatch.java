package org.backprop.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a stretch of code needed, measured three ways:
 *
 * <ul>
 *   <li><b>peak used</b>: the most heap in use at any moment. Between two collections the heap only
 *       fills, so its peak is reached just before a collection or at the end: the largest of the
 *       heap used before each collection that ran (from the collectors' notifications, the figures a
 *       GC log prints as "before") and the heap used at the end;</li>
 *   <li><b>pool peaks</b>: the sum over the heap's memory pools of each pool's peak since
 *       {@link MemoryPoolMXBean#resetPeakUsage()} at the start, an upper bound of the above (the pools
 *       need not peak together);</li>
 *   <li><b>allocated</b>: the bytes all threads allocated in between, whatever the collector did
 *       with them.</li>
 * </ul>
 */
final class HeapWatch implements NotificationListener, AutoCloseable {

    /** The three figures, in bytes; {@code collections} ran in between. */
    record Reading(long startUsed, long peakUsed, long poolPeaks, long allocated, long collections) {
    }

    private final List<MemoryPoolMXBean> heapPools;
    private final Set<String> heapPoolNames;
    private final List<GarbageCollectorMXBean> collectors;
    private final long startUsed;
    private final long startCollections;
    private final Map<Long, Long> startAllocated;
    private long peakBeforeCollections;
    private long notified;

    private HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
        heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        collectors = ManagementFactory.getGarbageCollectorMXBeans();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean collector : collectors) {
            ((NotificationEmitter) collector).addNotificationListener(this, null, null);
        }
        startCollections = collections();
        startAllocated = allocatedByThread();
        startUsed = used();
    }

    /** Starts watching: call {@link #stop()} at the end of the stretch to measure. */
    static HeapWatch start() {
        return new HeapWatch();
    }

    /** Stops watching and reads the figures. */
    Reading stop() {
        long endUsed = used();
        Map<Long, Long> endAllocated = allocatedByThread();
        long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long ran = collections() - startCollections;
        // Notifications come on another thread, a little after the collection: wait for the missing ones.
        long deadline = System.nanoTime() + 2_000_000_000L;
        synchronized (this) {
            while (notified < ran && System.nanoTime() < deadline) {
                try {
                    wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : endAllocated.entrySet()) {
            allocated += thread.getValue() - startAllocated.getOrDefault(thread.getKey(), 0L);
        }
        long peak;
        synchronized (this) {
            peak = Math.max(peakBeforeCollections, Math.max(startUsed, endUsed));
        }
        return new Reading(startUsed, peak, poolPeaks, allocated, ran);
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                // already removed
            }
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                before += pool.getValue().getUsed();
            }
        }
        synchronized (this) {
            peakBeforeCollections = Math.max(peakBeforeCollections, before);
            notified++;
            notifyAll();
        }
    }

    private long used() {
        return heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    private static Map<Long, Long> allocatedByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new HashMap<>();
        if (threads instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            long[] ids = sun.getAllThreadIds();
            long[] bytes = sun.getThreadAllocatedBytes(ids);
            for (int i = 0; i < ids.length; i++) {
                if (bytes[i] >= 0) {
                    allocated.put(ids[i], bytes[i]);
                }
            }
        }
        return allocated;
    }

    /** The names of the collectors this JVM runs, e.g. "G1 Young Generation, G1 Old Generation". */
    static String collectorNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(collector.getName());
        }
        return String.join(", ", names);
    }
}
