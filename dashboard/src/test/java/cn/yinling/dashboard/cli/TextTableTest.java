package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void hanCharactersCountAsTwoColumnsSoTheColumnsLineUp() {
        String text = TextTable.of("区域", "指标", "值>")
                .row("鼓楼区", "老龄化率", "21.37 %")
                .row("320302001000", "pop_60", "7")
                .render();

        // widths: 区域 column = max(6, 12) = 12; 指标 = max(8, 6) = 8; 值 = max(2, 7) = 7
        assertEquals("""
                区域          指标           值
                鼓楼区        老龄化率  21.37 %
                320302001000  pop_60          7
                """, text);
    }

    @Test
    void fullWidthFormsAreWideAndDashesAreNot() {
        assertEquals(4, TextTable.width("（）"));
        assertEquals(2, TextTable.width("—–"));
        assertEquals(3, TextTable.width("a１"));
    }
}
