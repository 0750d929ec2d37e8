package cn.yinling.warehouse.store;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The most heap in use at any one moment while it watches, sampled every 100 ms. Adding up each heap pool's own peak
 * (what the JVM keeps) overstates it: the young and old pools peak at different moments, and the sum once came to more
 * than the maximum heap.
 */
public final class HeapPeak implements AutoCloseable {

    private static final long INTERVAL_MS = 100;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peakBytes;
    private volatile boolean running = true;

    private HeapPeak() {
        sample();
        sampler = new Thread(this::sampleUntilClosed, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching now. */
    public static HeapPeak start() {
        return new HeapPeak();
    }

    /** The highest heap in use seen so far, bytes. */
    public long peakBytes() {
        sample();
        return peakBytes;
    }

    /** The highest heap in use seen so far, MiB. */
    public long peakMb() {
        return peakBytes() >> 20;
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        peakBytes = Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
