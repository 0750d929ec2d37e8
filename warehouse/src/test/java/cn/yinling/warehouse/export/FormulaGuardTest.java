package cn.yinling.warehouse.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FormulaGuardTest {

    @Test
    void cellsASpreadsheetWouldRunGetAnApostropheAndOthersStayAsTheyAre() {
        assertEquals("'=HYPERLINK(\"http://x\")", FormulaGuard.neutralise("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", FormulaGuard.neutralise("+1"));
        assertEquals("'-5", FormulaGuard.neutralise("-5"));
        assertEquals("'@SUM(A1)", FormulaGuard.neutralise("@SUM(A1)"));
        assertEquals("'\t=1", FormulaGuard.neutralise("\t=1"));
        assertEquals("'\r=1", FormulaGuard.neutralise("\r=1"));
        assertEquals("张三", FormulaGuard.neutralise("张三"));
        assertEquals("1+1", FormulaGuard.neutralise("1+1"));
        assertEquals("", FormulaGuard.neutralise(""));
        assertNull(FormulaGuard.neutralise(null));
    }

    @Test
    void restoreUndoesWhatNeutraliseDid() {
        for (String s : new String[] {"=1+2", "+1", "-5", "@x", "plain", "'quoted"}) {
            assertEquals(s, FormulaGuard.restore(FormulaGuard.neutralise(s)));
        }
    }
}
