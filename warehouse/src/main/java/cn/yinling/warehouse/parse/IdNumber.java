package cn.yinling.warehouse.parse;

import java.time.LocalDate;

/** A resident ID number (GB 11643-1999) after upgrade and verification: 18 characters, X upper case. */
public record IdNumber(String value, LocalDate birthDate, String sex) {
    // sex: "M" when the 17th digit is odd, else "F"
}
