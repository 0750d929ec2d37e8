package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShufflePartitionsTest {

    private static final long MIB = 1L << 20;

    @Test
    void smallCityKeepsTwoPartitionsPerCore() {
        // the demo city lands about 88 MiB of Parquet: 2 partitions of 32 MiB would be fewer than the cores can use
        assertEquals(4, EtlMain.shufflePartitions(88 * MIB, 2));
        assertEquals(4, EtlMain.shufflePartitions(0, 2));
    }

    @Test
    void partitionsFollowTheLandedData() {
        // scale 1.0, twelve months: about 4.4 GiB landed → 4,400 MiB / 32 MiB = 137 partitions
        assertEquals(137, EtlMain.shufflePartitions(4_400 * MIB, 2));
    }

    @Test
    void neverMoreThanSparksOwnDefault() {
        assertEquals(200, EtlMain.shufflePartitions(100_000 * MIB, 2));
    }
}
