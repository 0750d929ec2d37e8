package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Check characters against the published examples of GB 11643-1999 and GB 32100-2015. */
class CheckCharactersTest {

    @Test
    void idCheckDigitOfTheStandardsExamples() {
        assertEquals('X', IdNumbers.checkChar("11010519491231002"));
        assertEquals('4', IdNumbers.checkChar("44052418800101001"));
        assertEquals('X', IdNumbers.checkChar(11010519491231002L));
        assertEquals("11010519491231002X", IdNumbers.full(11010519491231002L));
        assertTrue(IdNumbers.isValid18("440524188001010014"));
        assertFalse(IdNumbers.isValid18("440524188001010015"));
    }

    @Test
    void legacyNumbersUpgradeToTheSamePerson() {
        long body = 32030219401231123L; // 320302 19401231 123
        String legacy = IdNumbers.legacy15(body);
        assertEquals("320302401231123", legacy);
        assertEquals(IdNumbers.full(body), IdNumbers.upgrade15(legacy));
    }

    @Test
    void usccCheckCharacterOfPublishedCodes() {
        assertEquals('3', Uscc.checkChar("91350100M000100Y4"));
        assertEquals('L', Uscc.checkChar("91110000600037341"));
        assertTrue(Uscc.isValid("91350100M000100Y43"));
        assertFalse(Uscc.isValid("91350100M000100Y44"));
    }

    @Test
    void builtCodesAreValidWithTheirOrganisationCode() {
        String code = Uscc.build("52", "320312", 123456);
        assertEquals(18, code.length());
        assertEquals("52320312MJ123456", code.substring(0, 16));
        assertTrue(FileCheck.usccValid(code), code);
        // GB 11714 check of MJ123456: weights 3 7 9 10 5 8 4 2 over M=22 J=19 1..6 → 66+133+9+20+15+32+20+12 = 307;
        // 307 mod 11 = 10, 11 - 10 = 1
        assertEquals('1', code.charAt(16));
    }
}
