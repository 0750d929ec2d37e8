package cn.yinling.warehouse.land;

import cn.yinling.warehouse.contract.CodeList;
import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.ColumnType;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.parse.IdNumber;
import cn.yinling.warehouse.parse.Parsed;
import cn.yinling.warehouse.parse.Values;
import cn.yinling.warehouse.read.RawRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks one data row against its feed's contract (spec/feeds.md §2, §3, §6) and turns its cells into typed values
 * (docs/design.md, accepted.parquet). Every rule a row breaks is reported; the row is loadable when none of them is an
 * error.
 */
final class RowValidator {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final Duration LONGEST_SERVICE = Duration.ofHours(12);
    private static final int ELDERLY_AGE = 60;

    private final FeedContract contract;
    private final List<ColumnSpec> columns;
    private final ColumnType[] types;
    private final CodeList[] codeLists;
    private final int[] cellOfColumn;
    private final ReportingUnit unit;
    private final String scopePrefix;
    private final YearMonth periodMonth;
    private final int periodYear;
    private final RegionRegistry registry;
    private final Set<String> regionCodesInFile;
    private final LocalDate today;
    private final CrossChecks cross;
    private final KeyTracker keys = new KeyTracker();
    private final int[] keyColumns;
    private final boolean idNumberKey;
    private final boolean[] periodColumn;

    /** Rows whose period column held a value inside the upload's period, and rows where none did but one was outside. */
    private long rowsInPeriod;
    private long rowsOutOfPeriod;

    // Column indexes of the feed-specific rules; -1 when the feed has no such column.
    private final int idCol;
    private final int sexCol;
    private final int birthCol;
    private final int statusCol;
    private final int statusDateCol;
    private final int deathDateCol;
    private final int facilityTypeCol;
    private final int bedsCol;
    private final int nursingBedsCol;
    private final int surveyDateCol;
    private final int policyYearCol;
    private final int startCol;
    private final int endCol;
    private final int orderIdCol;
    private final int providerCol;
    private final int codeCol;
    private final int levelCol;
    private final int parentCol;
    private final int urbanRuralCol;

    private final String[] cleaned;
    /** Columns whose code list has 无 as a value (hardship: 无 = none), where 无 is not an empty marker. */
    private final boolean[] keepsNone;
    private final boolean[] failed;

    /**
     * @param regionCodesInFile for the region feed, the 12-digit codes the file itself lists (parents may come later in
     *                          the file than their children); empty for other feeds
     */
    RowValidator(FeedContract contract, int[] cellOfColumn, ReportingUnit unit, String period, RegionRegistry registry,
            Set<String> regionCodesInFile, LocalDate today, CrossChecks cross) {
        this.contract = contract;
        this.columns = contract.columns();
        int n = columns.size();
        this.types = new ColumnType[n];
        this.codeLists = new CodeList[n];
        this.periodColumn = new boolean[n];
        for (int i = 0; i < n; i++) {
            ColumnSpec c = columns.get(i);
            types[i] = c.type();
            if (c.codeList() != null) {
                codeLists[i] = Contracts.get().codeList(c.codeList());
            }
            periodColumn[i] = c.inPeriod() || c.equalsPeriod();
        }
        this.cellOfColumn = cellOfColumn;
        this.unit = unit;
        this.scopePrefix = unit.scopePrefix();
        if (contract.period() == FeedContract.PeriodKind.month) {
            this.periodMonth = YearMonth.parse(period);
            this.periodYear = periodMonth.getYear();
        } else {
            this.periodMonth = null;
            this.periodYear = Integer.parseInt(period);
        }
        this.registry = registry;
        this.regionCodesInFile = regionCodesInFile;
        this.today = today;
        this.cross = cross;
        List<ColumnSpec> keySpecs = contract.keyColumns();
        this.keyColumns = keySpecs.stream().mapToInt(columns::indexOf).toArray();
        this.idNumberKey = keyColumns.length == 1 && types[keyColumns[0]] == ColumnType.ID_NUMBER;
        this.cleaned = new String[n];
        this.keepsNone = new boolean[n];
        for (int i = 0; i < n; i++) {
            keepsNone[i] = codeLists[i] != null && codeLists[i].labels().contains("无");
        }
        this.failed = new boolean[n];

        idCol = indexOf("id_number");
        String feed = contract.feed();
        sexCol = "household".equals(feed) ? indexOf("sex") : -1;
        birthCol = "household".equals(feed) ? indexOf("birth_date") : -1;
        statusCol = "household".equals(feed) ? indexOf("status") : -1;
        statusDateCol = "household".equals(feed) ? indexOf("status_date") : -1;
        deathDateCol = "death".equals(feed) ? indexOf("death_date") : -1;
        facilityTypeCol = "facility".equals(feed) ? indexOf("facility_type") : -1;
        bedsCol = "facility".equals(feed) ? indexOf("beds") : -1;
        nursingBedsCol = "facility".equals(feed) ? indexOf("nursing_beds") : -1;
        surveyDateCol = "living_status".equals(feed) ? indexOf("survey_date") : -1;
        policyYearCol = "accident_insurance".equals(feed) ? indexOf("policy_year") : -1;
        startCol = "service_order".equals(feed) ? indexOf("start_time") : -1;
        endCol = "service_order".equals(feed) ? indexOf("end_time") : -1;
        orderIdCol = "service_order".equals(feed) ? indexOf("order_id") : -1;
        providerCol = "service_order".equals(feed) ? indexOf("provider_code") : -1;
        boolean region = "region".equals(feed);
        codeCol = region ? indexOf("code") : -1;
        levelCol = region ? indexOf("level") : -1;
        parentCol = region ? indexOf("parent_code") : -1;
        urbanRuralCol = region ? indexOf("urban_rural_code") : -1;
    }

    private int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    long rowsInPeriod() {
        return rowsInPeriod;
    }

    long rowsOutOfPeriod() {
        return rowsOutOfPeriod;
    }

    /**
     * Validates one data row, except for duplicate keys ({@link #duplicateKey}). {@code out[i]} receives the typed value of contract column i (null when empty or
     * unreadable); every finding goes to {@code findings}.
     *
     * @return whether the row may be loaded (no error found)
     */
    boolean validate(RawRow row, Object[] out, Consumer<Rejection> findings) {
        Check check = new Check(row, findings);
        int periodHits = 0;
        int periodMisses = 0;
        for (int i = 0; i < columns.size(); i++) {
            int cell = cellOfColumn[i];
            String raw = cell < 0 ? null : row.cell(cell);
            String value = raw == null ? null : keepsNone[i] ? cleanKeepingNone(raw) : Values.clean(raw);
            cleaned[i] = value;
            failed[i] = false;
            out[i] = null;
            if (value == null) {
                if (columns.get(i).required()) {
                    failed[i] = true;
                    check.fail(i, raw, Rules.REQUIRED, "「" + header(i) + "」为必填项，不能为空，请补填。");
                }
                continue;
            }
            Object typed = parse(i, raw, value, check);
            if (typed == null) {
                failed[i] = true;
                continue;
            }
            out[i] = typed;
            if (periodColumn[i]) {
                if (inPeriod(i, typed)) {
                    periodHits++;
                } else {
                    periodMisses++;
                    failed[i] = true;
                    check.fail(i, raw, Rules.OUT_OF_PERIOD, "「" + header(i) + "」" + display(typed)
                            + "不在所选报送期间" + periodLabel() + "内，请核对日期或所选期间。");
                }
            }
        }
        if (periodHits > 0) {
            rowsInPeriod++;
        } else if (periodMisses > 0) {
            rowsOutOfPeriod++;
        }
        feedRules(row, out, check);
        return !check.anyError;
    }

    private static String cleanKeepingNone(String raw) {
        String normalised = Values.normalize(raw);
        return "无".equals(normalised) ? normalised : Values.clean(raw);
    }

    /** Collects the findings of one row. */
    private final class Check {
        final RawRow row;
        final Consumer<Rejection> sink;
        boolean anyError;

        Check(RawRow row, Consumer<Rejection> sink) {
            this.row = row;
            this.sink = sink;
        }

        void fail(int column, String raw, String rule, String message) {
            anyError = true;
            sink.accept(new Rejection(row.rowNumber(), columns.get(column).key(), raw, rule, Severity.error, message));
        }

        /** A finding that does not stop the row from loading. */
        void warn(int column, String raw, String rule, String message) {
            sink.accept(new Rejection(row.rowNumber(), columns.get(column).key(), raw, rule, Severity.warning, message));
        }

    }

    private String header(int column) {
        return columns.get(column).header();
    }

    private String rawCell(RawRow row, int column) {
        int cell = cellOfColumn[column];
        return cell < 0 ? null : row.cell(cell);
    }

    private String periodLabel() {
        return periodMonth != null ? periodMonth.toString() : periodYear + "年";
    }

    private static String display(Object typed) {
        if (typed instanceof LocalDateTime t) {
            return t.toLocalDate() + " " + t.toLocalTime();
        }
        return String.valueOf(typed);
    }

    /** The typed value of one non-empty cell, or null after reporting why it cannot be read. */
    private Object parse(int i, String raw, String value, Check check) {
        ColumnSpec spec = columns.get(i);
        switch (types[i]) {
            case TEXT:
                return value;
            case DIGITS:
                return digits(i, raw, value, check);
            case ID_NUMBER:
                return parsed(i, raw, Values.idNumber(value, today), check);
            case USCC:
                return parsed(i, raw, Values.uscc(value), check);
            case DATE:
                return parsed(i, raw, Values.date(value), check);
            case DATETIME:
                return parsed(i, raw, Values.dateTime(value), check);
            case MONTH:
                return parsed(i, raw, Values.month(value), check);
            case YEAR:
                return parsed(i, raw, Values.year(value), check);
            case FLAG:
                return parsed(i, raw, Values.flag(value), check);
            case SEX:
                return parsed(i, raw, Values.sex(value), check);
            case AMOUNT: {
                BigDecimal amount = parsed(i, raw, Values.amount(value), check);
                if (amount == null) {
                    return null;
                }
                if (amount.abs().compareTo(MAX_AMOUNT) >= 0) {
                    check.fail(i, raw, Rules.RANGE, "「" + header(i) + "」金额" + amount.toPlainString() + "超出可记录范围，请核对。");
                    return null;
                }
                return inRange(i, raw, amount, spec, check) ? amount : null;
            }
            case INT: {
                Long number = parsed(i, raw, Values.integer(value), check);
                if (number == null) {
                    return null;
                }
                BigDecimal asDecimal = BigDecimal.valueOf(number);
                ColumnSpec withDefault = spec.min() == null && spec.minExclusive() == null
                        ? withMin(spec, BigDecimal.ZERO) : spec;
                if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
                    check.fail(i, raw, Rules.RANGE, "「" + header(i) + "」数值" + number + "过大，请核对。");
                    return null;
                }
                return inRange(i, raw, asDecimal, withDefault, check) ? Integer.valueOf(number.intValue()) : null;
            }
            case DECIMAL: {
                Double number = parsed(i, raw, Values.decimal(value), check);
                if (number == null) {
                    return null;
                }
                if (number.isNaN() || number.isInfinite()) {
                    check.fail(i, raw, Rules.TYPE_FORMAT, "「" + header(i) + "」应为数字，请更正。");
                    return null;
                }
                return inRange(i, raw, BigDecimal.valueOf(number), spec, check) ? number : null;
            }
            case CODE: {
                String code = codeLists[i].codeOf(value).orElse(null);
                if (code == null) {
                    check.fail(i, raw, Rules.CODE_UNKNOWN, "「" + header(i) + "」的值“" + value + "”不在代码表中，应为："
                            + String.join("、", codeLists[i].labels()) + "。");
                }
                return code;
            }
            case CODE_MULTI:
                return codeMulti(i, raw, value, check);
            case REGION_CODE:
                return regionCode(i, raw, value, spec, check);
            default:
                throw new IllegalStateException("unhandled column type " + types[i]);
        }
    }

    private static ColumnSpec withMin(ColumnSpec s, BigDecimal min) {
        return new ColumnSpec(s.key(), s.header(), s.type(), s.required(), s.keyColumn(), s.codeList(),
                s.regionLevels(), min, s.max(), s.minExclusive(), s.inPeriod(), s.equalsPeriod(), s.pii());
    }

    private <T> T parsed(int i, String raw, Parsed<T> result, Check check) {
        if (result.isError()) {
            String message = result.message();
            check.fail(i, raw, result.rule(), message.contains(header(i)) ? message : "「" + header(i) + "」" + message);
            return null;
        }
        if (result.value() == null) {
            // The parser saw an empty marker the cleaner let through; treat as a value it cannot read.
            check.fail(i, raw, Rules.TYPE_FORMAT, "「" + header(i) + "」无法识别，请更正。");
        }
        return result.value();
    }

    private boolean inRange(int i, String raw, BigDecimal v, ColumnSpec spec, Check check) {
        boolean ok = (spec.min() == null || v.compareTo(spec.min()) >= 0)
                && (spec.minExclusive() == null || v.compareTo(spec.minExclusive()) > 0)
                && (spec.max() == null || v.compareTo(spec.max()) <= 0);
        if (!ok) {
            List<String> bounds = new ArrayList<>();
            if (spec.minExclusive() != null) {
                bounds.add("大于" + spec.minExclusive().toPlainString());
            }
            if (spec.min() != null) {
                bounds.add("不小于" + spec.min().toPlainString());
            }
            if (spec.max() != null) {
                bounds.add("不超过" + spec.max().toPlainString());
            }
            check.fail(i, raw, Rules.RANGE, "「" + header(i) + "」应" + String.join("且", bounds) + "，当前为"
                    + v.stripTrailingZeros().toPlainString() + "，请更正。");
        }
        return ok;
    }

    private String digits(int i, String raw, String value, Check check) {
        if (!RegionCodes.allDigits(value)) {
            check.fail(i, raw, Rules.TYPE_FORMAT, "「" + header(i) + "」只能包含数字，请更正。");
            return null;
        }
        if ((i == codeCol || i == parentCol) && !RegionCodes.wellFormed(value)) {
            check.fail(i, raw, Rules.TYPE_FORMAT, "「" + header(i) + "」应为2、4、6、9或12位数字的统计用区划代码，当前为"
                    + value.length() + "位，请更正。");
            return null;
        }
        return value;
    }

    private String codeMulti(int i, String raw, String value, Check check) {
        CodeList list = codeLists[i];
        Set<String> codes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : value.split("[、,，;；]")) {
            String label = part.strip();
            if (label.isEmpty()) {
                continue;
            }
            String code = list.codeOf(label).orElse(null);
            if (code == null) {
                unknown.add(label);
            } else {
                codes.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            check.fail(i, raw, Rules.CODE_UNKNOWN, "「" + header(i) + "」中的“" + String.join("、", unknown)
                    + "”不在代码表中，应为：" + String.join("、", list.labels()) + "（多项用“、”分隔）。");
            return null;
        }
        if (codes.isEmpty()) {
            return null;
        }
        List<String> ordered = new ArrayList<>();
        for (String code : list.labelToCode().values()) {
            if (codes.contains(code)) {
                ordered.add(code);
            }
        }
        return String.join(",", ordered);
    }

    private String regionCode(int i, String raw, String value, ColumnSpec spec, Check check) {
        List<Integer> levels = spec.regionLevels() == null ? List.of(5) : spec.regionLevels();
        String h = header(i);
        if (!RegionCodes.allDigits(value) || !(value.length() == 6 || value.length() == 9 || value.length() == 12)) {
            check.fail(i, raw, Rules.TYPE_FORMAT, "「" + h + "」应为" + lengthsAllowed(levels) + "位数字的统计用区划代码，请更正。");
            return null;
        }
        boolean lengthAllowed = value.length() == 12
                || value.length() == 9 && levels.contains(4)
                || value.length() == 6 && levels.contains(3);
        String code12 = RegionCodes.pad(value);
        boolean ok = true;
        if (!lengthAllowed) {
            check.fail(i, raw, Rules.REGION_UNKNOWN, "「" + h + "」应为" + lengthsAllowed(levels) + "位的"
                    + levelNames(levels) + "区划代码，当前为" + value.length() + "位，请更正。");
            ok = false;
        } else {
            Integer level = registry.level(code12);
            if (level == null) {
                check.fail(i, raw, Rules.REGION_UNKNOWN, "「" + h + "」" + value + "不在统计用区划代码库中，请核对代码。");
                ok = false;
            } else if (!levels.contains(level)) {
                check.fail(i, raw, Rules.REGION_UNKNOWN, "「" + h + "」" + value + "是" + levelName(level) + "级代码，本列应填"
                        + levelNames(levels) + "代码，请更正。");
                ok = false;
            }
        }
        if (!code12.startsWith(scopePrefix)) {
            check.fail(i, raw, Rules.OUT_OF_SCOPE, "「" + h + "」" + value + "不在本单位的管辖范围（" + unit.scope()
                    + "）内，请删除该行或由所属单位报送。");
            ok = false;
        }
        return ok ? code12 : null;
    }

    private static String lengthsAllowed(List<Integer> levels) {
        List<String> lengths = new ArrayList<>();
        if (levels.contains(3)) {
            lengths.add("6");
        }
        if (levels.contains(4)) {
            lengths.add("9");
        }
        lengths.add("12");
        return String.join("、", lengths);
    }

    private static String levelName(int level) {
        return switch (level) {
            case 1 -> "省";
            case 2 -> "市";
            case 3 -> "县（区）";
            case 4 -> "乡镇（街道）";
            default -> "村（社区）";
        };
    }

    private static String levelNames(List<Integer> levels) {
        return String.join("、", levels.stream().map(RowValidator::levelName).toList()) + "级";
    }

    private boolean inPeriod(int i, Object typed) {
        LocalDate date;
        if (typed instanceof LocalDate d) {
            date = d;
        } else if (typed instanceof LocalDateTime t) {
            date = t.toLocalDate();
        } else if (typed instanceof Integer year) {
            return year == periodYear;
        } else {
            return true;
        }
        if (periodMonth != null) {
            return date.getYear() == periodMonth.getYear() && date.getMonthValue() == periodMonth.getMonthValue();
        }
        return date.getYear() == periodYear;
    }

    private void feedRules(RawRow row, Object[] v, Check check) {
        IdNumber id = idCol >= 0 && v[idCol] instanceof IdNumber x ? x : null;
        if (sexCol >= 0 && id != null && v[sexCol] != null && !id.sex().equals(v[sexCol])) {
            check.fail(sexCol, rawCell(row, sexCol), Rules.SEX_MISMATCH, "「性别」与公民身份号码第17位不一致（号码对应"
                    + ("M".equals(id.sex()) ? "男" : "女") + "），请核对性别或号码。");
        }
        if (birthCol >= 0 && id != null && v[birthCol] != null && !id.birthDate().equals(v[birthCol])) {
            check.fail(birthCol, rawCell(row, birthCol), Rules.BIRTH_MISMATCH, "「出生日期」与公民身份号码中的出生日期"
                    + id.birthDate() + "不一致，请核对出生日期或号码。");
        }
        if (statusCol >= 0 && v[statusCol] != null && !"active".equals(v[statusCol]) && v[statusDateCol] == null
                && !failed[statusDateCol]) {
            check.fail(statusDateCol, rawCell(row, statusDateCol), Rules.STATUS_DATE_REQUIRED,
                    "户籍状态为“" + cleaned[statusCol] + "”时必须填写「变动日期」，请补填。");
        }
        if (deathDateCol >= 0 && id != null && v[deathDateCol] instanceof LocalDate death
                && death.isBefore(id.birthDate())) {
            check.fail(deathDateCol, rawCell(row, deathDateCol), Rules.DEATH_BEFORE_BIRTH, "「死亡日期」" + death
                    + "早于公民身份号码中的出生日期" + id.birthDate() + "，请核对。");
        }
        if (facilityTypeCol >= 0) {
            if ("institution".equals(v[facilityTypeCol]) && v[bedsCol] == null && !failed[bedsCol]) {
                check.fail(bedsCol, rawCell(row, bedsCol), Rules.REQUIRED, "设施类型为养老机构时「床位数」为必填项，请补填。");
            }
            if (v[bedsCol] instanceof Integer beds && v[nursingBedsCol] instanceof Integer nursing && nursing > beds) {
                check.fail(nursingBedsCol, rawCell(row, nursingBedsCol), Rules.BEDS_INCONSISTENT,
                        "「护理型床位数」" + nursing + "大于「床位数」" + beds + "，请核对。");
            }
        }
        if (surveyDateCol >= 0 && id != null && v[surveyDateCol] instanceof LocalDate survey
                && Period.between(id.birthDate(), survey).getYears() < ELDERLY_AGE) {
            check.fail(idCol, rawCell(row, idCol), Rules.NOT_ELDERLY, "「公民身份号码」对应人员在调查日期" + survey
                    + "未满60周岁，本表只报60周岁及以上老年人，请删除该行或核对号码。");
        }
        if (policyYearCol >= 0 && id != null && v[policyYearCol] instanceof Integer year
                && Period.between(id.birthDate(), LocalDate.of(year, 1, 1)).getYears() < ELDERLY_AGE) {
            check.fail(idCol, rawCell(row, idCol), Rules.NOT_ELDERLY, "「公民身份号码」对应人员在" + year
                    + "年1月1日未满60周岁，不属于老年人意外伤害保险对象，请删除该行或核对号码。");
        }
        if (startCol >= 0 && v[startCol] instanceof LocalDateTime start && v[endCol] instanceof LocalDateTime end) {
            if (!end.isAfter(start)) {
                check.fail(endCol, rawCell(row, endCol), Rules.TIME_ORDER, "「服务结束时间」应晚于「服务开始时间」，请核对。");
            } else if (Duration.between(start, end).compareTo(LONGEST_SERVICE) > 0) {
                check.fail(endCol, rawCell(row, endCol), Rules.TIME_ORDER, "服务时长超过12小时（「服务开始时间」至「服务结束时间」），请核对。");
            }
        }
        if (orderIdCol >= 0 && v[orderIdCol] instanceof String orderId) {
            String loadedFor = cross.earlierOrderIds().periodOf(orderId);
            if (loadedFor != null) {
                check.fail(orderIdCol, rawCell(row, orderIdCol), Rules.ORDER_ID_REUSED, "「工单号」" + orderId + "已在"
                        + loadedFor + "期间报送入库，工单号在各期间之间不得重复使用；请核对工单号，新的服务请使用新的工单号。");
            }
        }
        if (providerCol >= 0 && cross.facilityCodes() != null && v[providerCol] instanceof String provider
                && !cross.facilityCodes().contains(provider)) {
            check.warn(providerCol, rawCell(row, providerCol), Rules.UNKNOWN_PROVIDER, "「服务机构代码」" + provider
                    + "不在养老服务设施名录（民政局报送的养老服务设施）中，该行已接收；请核对机构代码，或请民政局将该服务机构报入设施名录。");
        }
        if (codeCol >= 0) {
            regionRules(row, v, check);
        }
    }

    private void regionRules(RawRow row, Object[] v, Check check) {
        String code = (String) v[codeCol];
        if (code == null) {
            return;
        }
        String code12 = RegionCodes.pad(code);
        if (!unit.covers(code12) && !unit.isAncestorOfScope(code12)) {
            check.fail(codeCol, rawCell(row, codeCol), Rules.OUT_OF_SCOPE, "「区划代码」" + code + "不在本单位的管辖范围（"
                    + unit.scope() + "）内，也不是其上级区划，请删除该行。");
        }
        Integer level = v[levelCol] instanceof Integer l ? l : null;
        String parent = (String) v[parentCol];
        if (level != null && level > 1 && parent == null && !failed[parentCol]) {
            check.fail(parentCol, rawCell(row, parentCol), Rules.REQUIRED, "级别为" + level + "时「上级代码」为必填项，请补填。");
        }
        if (parent != null) {
            String parent12 = RegionCodes.pad(parent);
            if (parent12.equals(code12) || !code12.startsWith(RegionCodes.significantPrefix(parent12))) {
                check.fail(parentCol, rawCell(row, parentCol), Rules.PARENT_UNKNOWN, "「上级代码」" + parent + "不是「区划代码」"
                        + code + "的前缀，请核对上级代码。");
            } else if (!regionCodesInFile.contains(parent12) && !registry.contains(parent12)) {
                check.fail(parentCol, rawCell(row, parentCol), Rules.PARENT_UNKNOWN, "「上级代码」" + parent
                        + "既不在本文件中，也不在已报送的区划代码库中，请补充上级区划或核对代码。");
            }
        }
        if (level != null && level != 5 && v[urbanRuralCol] != null) {
            check.fail(urbanRuralCol, rawCell(row, urbanRuralCol), Rules.CODE_UNKNOWN,
                    "「城乡分类代码」只用于级别5（村、社区），级别" + level + "请留空。");
        }
    }

    /**
     * DUPLICATE_KEY: whether an earlier row of the file had the same key. Called in file order by one thread, after
     * {@link #validate}; rows whose key cells could not be read are not compared.
     */
    boolean duplicateKey(int rowNumber, Object[] v, Consumer<Rejection> findings) {
        if (keyColumns.length == 0) {
            return false;
        }
        for (int k : keyColumns) {
            if (v[k] == null) {
                return false;
            }
        }
        int first;
        if (idNumberKey) {
            first = keys.firstRowOfIdNumber(((IdNumber) v[keyColumns[0]]).value(), rowNumber);
        } else {
            first = keys.firstRowOf(keyText(v, "\u0001"), rowNumber);
        }
        if (first == 0) {
            return false;
        }
        List<String> keyNames = new ArrayList<>();
        List<String> keyHeaders = new ArrayList<>();
        for (int k : keyColumns) {
            keyNames.add(columns.get(k).key());
            keyHeaders.add(header(k));
        }
        String headers = String.join("+", keyHeaders);
        findings.accept(new Rejection(rowNumber, String.join(",", keyNames), keyText(v, ","), Rules.DUPLICATE_KEY,
                Severity.error, "与第" + first + "行重复（" + headers + "相同），同一文件中每个" + headers
                + "只能出现一次，请删除重复行。"));
        return true;
    }

    private long[] prefetchKeys = new long[0];

    /**
     * Before {@link #duplicateKey} is called for these rows, in this order: lets the key table load the slots they will
     * probe all at once (see {@link KeyTracker#prefetchIdNumbers}). Changes no outcome.
     */
    void prefetchKeys(List<ValidatingReader.CheckedRow> rows) {
        if (!idNumberKey) {
            return;
        }
        if (prefetchKeys.length < rows.size()) {
            prefetchKeys = new long[rows.size()];
        }
        int n = 0;
        int k = keyColumns[0];
        for (ValidatingReader.CheckedRow row : rows) {
            if (row.values()[k] instanceof IdNumber id) {
                prefetchKeys[n++] = KeyTracker.idKey(id.value());
            }
        }
        keys.prefetchIdNumbers(prefetchKeys, n);
    }

    /** The key of a row as text: typed values (ID numbers normalised, region codes padded) joined. */
    private String keyText(Object[] v, String separator) {
        StringBuilder key = new StringBuilder();
        for (int k : keyColumns) {
            Object value = v[k];
            if (value instanceof IdNumber id) {
                value = id.value();
            } else if (k == codeCol) {
                value = RegionCodes.pad((String) value);
            }
            if (key.length() > 0) {
                key.append(separator);
            }
            key.append(value);
        }
        return key.toString();
    }

    int columnCount() {
        return columns.size();
    }
}
