package cn.yinling.warehouse.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 12, 31);

    private static <T> void assertError(String rule, Parsed<T> parsed) {
        assertTrue(parsed.isError(), () -> "expected " + rule + " but got " + parsed);
        assertEquals(rule, parsed.rule());
        assertNull(parsed.value());
        assertTrue(parsed.message() != null && !parsed.message().isBlank());
    }

    @Nested
    class Clean {

        @Test
        void parsersTakeNullAsEmpty() {
            assertTrue(Values.date(null).isEmpty());
            assertTrue(Values.idNumber(null, TODAY).isEmpty());
            assertTrue(Values.amount(null).isEmpty());
        }

        @Test
        void trimsAndKeepsPlainAscii() {
            assertEquals("abc", Values.clean("  abc\t"));
            assertEquals("a b", Values.clean("a b"));
            String plain = "320311194501010011";
            assertTrue(plain == Values.clean(plain), "an ASCII cell with nothing to trim is returned as is");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "无", "/", "-", "—", " 无 ", "\u3000", "－", "／", "——"})
        void emptyMarkersAreNull(String raw) {
            assertNull(Values.clean(raw));
        }

        @Test
        void nullStaysNull() {
            assertNull(Values.clean(null));
        }

        @Test
        void fullWidthBecomesHalfWidth() {
            assertEquals("2024-01-05", Values.clean("２０２４-０１-０５"));
            assertEquals("ABC123", Values.clean("ＡＢＣ１２３"));
            // ideographic space (U+3000) and no-break space around the value are trimmed after NFKC
            assertEquals("张三", Values.clean("\u3000张三\u00A0"));
            assertEquals("12.50", Values.clean("１２．５０"));
        }

        @Test
        void chineseTextIsUnchanged() {
            assertEquals("铜山区民政局", Values.clean("铜山区民政局"));
            assertEquals("无锡市", Values.clean("无锡市"), "only a cell that is exactly 无 is empty");
        }

        @Test
        void normalizeKeepsEmptyMarkers() {
            assertEquals("无", Values.normalize(" 无 "));
            assertNull(Values.normalize("  "));
        }

        /** normalize skips the Normalizer for ASCII and CJK ideographs: every one of them must indeed be NFKC-stable. */
        @Test
        void ideographsSkippedByTheFastPathAreStableUnderNfkc() {
            for (char c = 0x3400; c <= 0x9FFF; c++) {
                if (c > 0x4DBF && c < 0x4E00) {
                    continue;
                }
                String text = "a" + c + "1";
                assertEquals(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC), text,
                        () -> Integer.toHexString(text.charAt(1)));
            }
        }

        @Test
        void compatibilityFormsNextToIdeographsAreStillNormalised() {
            // full-width digits and letters, a CJK compatibility ideograph (U+F900 → U+8C48), a circled digit
            assertEquals("张三123AB", Values.clean("张三１２３ＡＢ"));
            assertEquals("\u8C48", Values.clean("\uF900"));
            assertEquals("李1", Values.clean("李①"));
            assertEquals("王五", Values.clean("\u3000王五\u3000"));
        }
    }

    @Nested
    class IdNumbers {

        // 11010519491231002X by hand: digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 times weights
        // 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167;
        // 167 mod 11 = 2 -> check chars "10X98765432"[2] = X. The 17th digit 2 is even: female.
        @Test
        void validWithCheckX() {
            Parsed<IdNumber> p = Values.idNumber("11010519491231002X", TODAY);
            assertFalse(p.isError(), () -> p.message());
            assertEquals(new IdNumber("11010519491231002X", LocalDate.of(1949, 12, 31), "F"), p.value());
        }

        @Test
        void lowerCaseXIsUpperCased() {
            assertEquals("11010519491231002X", Values.idNumber("11010519491231002x", TODAY).value().value());
        }

        // 320311194501010011 by hand: 3*7+2*9+0+3*5+1*8+1*4+1*2+9*1+4*6+5*3+0+1*9+0+1*5+0+0+1*2 = 132;
        // 132 mod 11 = 0 -> check char 1. The 17th digit 1 is odd: male.
        @Test
        void validMale() {
            Parsed<IdNumber> p = Values.idNumber("320311194501010011", TODAY);
            assertEquals(new IdNumber("320311194501010011", LocalDate.of(1945, 1, 1), "M"), p.value());
        }

        @ParameterizedTest
        @ValueSource(strings = {"110105194912310020", "110105194912310021", "110105194912310029", "320311194501010012",
                "32031119450101001X"})
        void wrongCheckDigit(String id) {
            Parsed<IdNumber> p = Values.idNumber(id, TODAY);
            assertError("ID_CHECKSUM", p);
            assertEquals("公民身份号码校验位错误，请核对第18位", p.message());
        }

        @Test
        void fifteenDigitsAreUpgraded() {
            // 110105 + 19 + 491231002 -> 11010519491231002, whose check char is X (see above)
            Parsed<IdNumber> p = Values.idNumber("110105491231002", TODAY);
            assertEquals(new IdNumber("11010519491231002X", LocalDate.of(1949, 12, 31), "F"), p.value());
            // 320311 + 19 + 450101001 -> check char 1 (see above), last digit 1: male
            assertEquals(new IdNumber("320311194501010011", LocalDate.of(1945, 1, 1), "M"),
                    Values.idNumber("320311450101001", TODAY).value());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1101051949123100", "11010519491231002XX", "1101051949123100A2", "11010A194912310020",
                "11010549123100", "11010549123100Z"})
        void wrongForm(String id) {
            assertError("ID_FORMAT", Values.idNumber(id, TODAY));
        }

        @Test
        void impossibleBirthDates() {
            // 1949-13-31, 1949-02-30, 1951-02-29 (not leap), 15-digit 490230
            for (String id : new String[] {"110105194913310021", "110105194902300021", "110105195102290021",
                    "110105490230002"}) {
                Parsed<IdNumber> p = Values.idNumber(id, TODAY);
                assertError("ID_FORMAT", p);
                assertTrue(p.message().contains("不存在"), p.message());
            }
        }

        @Test
        void leapDayBirthIsFine() {
            // 1948-02-29 is real. Check char: 1*7+1*9+0+1*5+0+5*4+1*2+9*1+4*6+8*3+0*7+2*9+2*10+9*5+0+0+2*2 = 187,
            // 187 mod 11 = 0 -> 1.
            Parsed<IdNumber> p = Values.idNumber("110105194802290021", TODAY);
            assertFalse(p.isError(), () -> p.message());
            assertEquals(LocalDate.of(1948, 2, 29), p.value().birthDate());
        }

        @Test
        void futureBirthDate() {
            // born 2025-01-01, after TODAY (check digit correct or not, the birth date is reported first)
            Parsed<IdNumber> p = Values.idNumber("110105202501010021", TODAY);
            assertError("ID_FORMAT", p);
            assertTrue(p.message().contains("晚于今天"), p.message());
            // the same number is fine a day later as far as the date goes
            assertNotEquals("ID_FORMAT", Values.idNumber("110105202501010021", LocalDate.of(2025, 1, 1)).rule());
        }

        @Test
        void before1880() {
            Parsed<IdNumber> p = Values.idNumber("110105187912310021", TODAY);
            assertError("ID_FORMAT", p);
            assertTrue(p.message().contains("1880"), p.message());
        }

        @Test
        void textMarkersAroundTheNumberAreDropped() {
            assertEquals("11010519491231002X", Values.idNumber("'11010519491231002X", TODAY).value().value());
            assertEquals("11010519491231002X", Values.idNumber("=\"11010519491231002X\"", TODAY).value().value());
        }
    }

    @Nested
    class Usccs {

        // 91350100M000100Y43 by hand: values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4 times weights
        // 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640;
        // 1640 mod 31 = 28; 31 - 28 = 3 -> check char 3.
        @Test
        void valid() {
            assertEquals("91350100M000100Y43", Values.uscc("91350100M000100Y43").value());
            assertEquals("91350100M000100Y43", Values.uscc("91350100m000100y43").value());
        }

        @Test
        void wrongCheckCharacter() {
            assertError("USCC_CHECKSUM", Values.uscc("91350100M000100Y44"));
            assertError("USCC_CHECKSUM", Values.uscc("91350100M000100Y4A"));
        }

        @Test
        void wrongForm() {
            assertError("USCC_CHECKSUM", Values.uscc("91350100M000100Y4"));
            assertError("USCC_CHECKSUM", Values.uscc("91350100M000100Y433"));
            // I, O, Z, S, V are not in the alphabet
            assertError("USCC_CHECKSUM", Values.uscc("91350100O000100Y43"));
            assertError("USCC_CHECKSUM", Values.uscc("91350100M000100Z43"));
        }

        @Test
        void anotherCheckCharacterByHand() {
            // 9132030000000000 + "0" + check: 9*1+1*3+3*9+2*27+0*19+3*26 = 9+3+27+54+0+78 = 171, 171 mod 31 = 16,
            // 31 - 16 = 15 -> F.
            assertEquals("91320300000000000F", Values.uscc("91320300000000000F").value());
            assertError("USCC_CHECKSUM", Values.uscc("91320300000000000E"));
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @ValueSource(strings = {"2024-01-05", "2024/1/5", "2024.1.5", "20240105", "2024年1月5日", "2024年01月05日",
                "2024年1月5", "2024-1-05", "2024/01/05", "45296", "45296.0", "2024-01-05 00:00:00", "2024/1/5 10:30",
                "2024-01-05T10:30:00"})
        void acceptedForms(String cell) {
            Parsed<LocalDate> p = Values.date(cell);
            assertFalse(p.isError(), () -> cell + ": " + p.message());
            assertEquals(LocalDate.of(2024, 1, 5), p.value());
        }

        @Test
        void fullWidthAfterClean() {
            assertEquals(LocalDate.of(2024, 1, 5), Values.date(Values.clean("２０２４-０１-０５")).value());
        }

        @Test
        void excelSerials() {
            // serial 45292 is 2024-01-01 in Excel's 1900 system (1899-12-30 plus 45292 days)
            assertEquals(LocalDate.of(2024, 1, 1), Values.date("45292").value());
            assertEquals(LocalDate.of(1949, 12, 31), Values.date("18263").value());
        }

        @Test
        void leapDays() {
            assertEquals(LocalDate.of(2024, 2, 29), Values.date("2024-02-29").value());
            assertEquals(LocalDate.of(2000, 2, 29), Values.date("20000229").value());
            assertError("TYPE_FORMAT", Values.date("2023-02-29"));
            assertError("TYPE_FORMAT", Values.date("1900-02-29"));
            assertError("TYPE_FORMAT", Values.date("2024-04-31"));
        }

        @Test
        void messageQuotesTheValueAndTheForm() {
            Parsed<LocalDate> p = Values.date("2024-13-01");
            assertError("TYPE_FORMAT", p);
            assertEquals("日期无法识别：“2024-13-01”，请按 2024-01-05 的格式填写", p.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "2024", "2024-01", "1/5/2024", "24-1-5", "2024-01-05 25:00", "2024-01-05x",
                "2024--01-05", "202401050", "0024-01-05", "12"})
        void rejected(String cell) {
            assertError("TYPE_FORMAT", Values.date(cell));
        }

        @Test
        void dateTimes() {
            LocalDateTime expected = LocalDateTime.of(2024, 1, 5, 9, 5);
            assertEquals(expected, Values.dateTime("2024-01-05 9:05").value());
            assertEquals(expected, Values.dateTime("2024-01-05 09:05:00").value());
            assertEquals(expected, Values.dateTime("2024/1/5 09:05").value());
            assertEquals(expected, Values.dateTime("2024年1月5日 09:05").value());
            assertEquals(LocalDateTime.of(2024, 1, 5, 23, 59, 58), Values.dateTime("20240105 23:59:58").value());
            // Excel serial with a fraction: 0.4375 day = 10:30
            assertEquals(LocalDateTime.of(2024, 1, 5, 10, 30), Values.dateTime("45296.4375").value());
            assertError("TYPE_FORMAT", Values.dateTime("2024-01-05"));
            assertError("TYPE_FORMAT", Values.dateTime("2024-01-05 24:00"));
            assertError("TYPE_FORMAT", Values.dateTime("2024-01-05 10:60"));
            assertError("TYPE_FORMAT", Values.dateTime("2024-01-05 10"));
            assertError("TYPE_FORMAT", Values.dateTime("下午3点"));
        }

        @Test
        void months() {
            LocalDate january = LocalDate.of(2024, 1, 1);
            for (String cell : new String[] {"2024-01", "2024/01", "2024.01", "202401", "2024年1月", "2024年01月",
                    "2024-1", "2024-01-05", "2024年1月5日", "20240131", "45296"}) {
                Parsed<LocalDate> p = Values.month(cell);
                assertEquals(january, p.value(), () -> cell + ": " + p.message());
            }
            assertError("TYPE_FORMAT", Values.month("2024-13"));
            assertError("TYPE_FORMAT", Values.month("202413"));
            assertError("TYPE_FORMAT", Values.month("一月"));
            assertError("TYPE_FORMAT", Values.month("2024"));
        }

        @Test
        void years() {
            assertEquals(2024, Values.year("2024").value());
            assertEquals(2024, Values.year("2024年").value());
            assertError("TYPE_FORMAT", Values.year("24"));
            assertError("TYPE_FORMAT", Values.year("2024-01"));
            assertError("TYPE_FORMAT", Values.year("0202"));
        }
    }

    @Nested
    class Numbers {

        @Test
        void amounts() {
            assertEquals(new BigDecimal("1234.50"), Values.amount("1,234.50元").value());
            assertEquals(new BigDecimal("1234.50"), Values.amount("1234.5").value());
            assertEquals(new BigDecimal("300.00"), Values.amount("300").value());
            assertEquals(new BigDecimal("300.00"), Values.amount("300 元").value());
            assertEquals(new BigDecimal("1234567.89"), Values.amount("1,234,567.89").value());
            assertEquals(new BigDecimal("0.50"), Values.amount(".5").value());
            assertEquals(new BigDecimal("-12.30"), Values.amount("-12.3").value());
            assertEquals(new BigDecimal("99.00"), Values.amount("¥99").value());
            assertEquals(new BigDecimal("12.34"), Values.amount("12.340").value(), "trailing zeros are no precision");
            assertEquals(2, Values.amount("7").value().scale());
        }

        @Test
        void amountsRejected() {
            Parsed<BigDecimal> threeDecimals = Values.amount("12.345");
            assertError("TYPE_FORMAT", threeDecimals);
            assertTrue(threeDecimals.message().contains("2位小数"), threeDecimals.message());
            assertError("TYPE_FORMAT", Values.amount("12,34"));
            assertError("TYPE_FORMAT", Values.amount("1,2345.00"));
            assertError("TYPE_FORMAT", Values.amount("abc"));
            assertError("TYPE_FORMAT", Values.amount("元"));
            assertError("TYPE_FORMAT", Values.amount("1.5万元"));
            assertError("TYPE_FORMAT", Values.amount("1e3"));
            assertError("TYPE_FORMAT", Values.amount("12.3.4"));
            assertError("RANGE", Values.amount("9999999999999"));
        }

        @Test
        void fullWidthAmountAfterClean() {
            assertEquals(new BigDecimal("1234.50"), Values.amount(Values.clean("１，２３４．５０元")).value());
        }

        @Test
        void integers() {
            assertEquals(120L, Values.integer("120").value());
            assertEquals(-3L, Values.integer("-3").value());
            assertEquals(1234L, Values.integer("1,234").value());
            assertEquals(12L, Values.integer("12.0").value());
            assertError("TYPE_FORMAT", Values.integer("12.5"));
            assertError("TYPE_FORMAT", Values.integer("12张"));
            assertError("TYPE_FORMAT", Values.integer("-"));
            assertError("TYPE_FORMAT", Values.integer("99999999999999999999"));
        }

        @Test
        void decimals() {
            assertEquals(117.283, Values.decimal("117.283").value());
            assertEquals(-3.5, Values.decimal("-3.5").value());
            assertEquals(350.0, Values.decimal("3.5E2").value());
            assertEquals(34.26, Values.decimal("34.26°").value());
            assertEquals(1234.5, Values.decimal("1,234.5").value());
            assertError("TYPE_FORMAT", Values.decimal("NaN"));
            assertError("TYPE_FORMAT", Values.decimal("Infinity"));
            assertError("TYPE_FORMAT", Values.decimal("1d"));
            assertError("TYPE_FORMAT", Values.decimal("0x10"));
            assertError("TYPE_FORMAT", Values.decimal("北纬34度"));
        }
    }

    @Nested
    class Codes {

        @Test
        void flags() {
            for (String yes : new String[] {"是", "Y", "y", "1", "true", "TRUE", "True"}) {
                assertEquals(Boolean.TRUE, Values.flag(yes).value(), yes);
            }
            for (String no : new String[] {"否", "N", "n", "0", "false", "FALSE"}) {
                assertEquals(Boolean.FALSE, Values.flag(no).value(), no);
            }
            assertError("TYPE_FORMAT", Values.flag("对"));
            assertError("TYPE_FORMAT", Values.flag("2"));
        }

        @Test
        void sexes() {
            for (String male : new String[] {"男", "1", "M", "m"}) {
                assertEquals("M", Values.sex(male).value(), male);
            }
            for (String female : new String[] {"女", "2", "F", "f"}) {
                assertEquals("F", Values.sex(female).value(), female);
            }
            assertError("TYPE_FORMAT", Values.sex("0"));
            assertError("TYPE_FORMAT", Values.sex("未知"));
        }
    }
}
