package cn.yinling.warehouse.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OrderIdIndexTest {

    @Test
    void keepsThePeriodOfEveryIdThroughGrowth() {
        OrderIdIndex index = new OrderIdIndex();
        for (int i = 0; i < 200_000; i++) {
            index.add("GD" + i, i % 2 == 0 ? "2024-01" : "2024-02");
        }
        index.add("GD7", "2024-03"); // a later sighting keeps the first period
        assertEquals(200_000, index.size());
        for (int i = 0; i < 200_000; i += 997) {
            assertEquals(i % 2 == 0 ? "2024-01" : "2024-02", index.periodOf("GD" + i));
        }
        assertEquals("2024-02", index.periodOf("GD7"));
        assertNull(index.periodOf("GD200000"));
        assertNull(index.periodOf("gd1"));
        assertNull(OrderIdIndex.empty().periodOf("GD1"));
    }
}
