package cn.yinling.dashboard.portal;

import cn.yinling.warehouse.contract.CodeList;
import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.ColumnType;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.export.FormulaGuard;
import cn.yinling.warehouse.land.ReportingUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX template of a feed: sheet 填报数据 with the contract's Chinese headers, one example row and a drop-down list
 * for every code list (and for sex and yes/no columns); a hidden sheet 代码表 holding the lists; sheet 填报说明 with the
 * rules of each column. Every cell is text, so Excel keeps ID numbers and leading zeros as typed.
 */
public final class FeedTemplates {

    static final String DATA_SHEET = "填报数据";
    static final String LISTS_SHEET = "代码表";
    static final String NOTES_SHEET = "填报说明";
    static final int VALIDATED_ROWS = 10_000;

    private static final String EXAMPLE_ID = "11010519491231002X";
    private static final String USCC_BASE = "91320302MA1W2B3C4";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private FeedTemplates() {
    }

    /**
     * @param period the period the example row is for ({@code YYYY-MM} or {@code YYYY})
     * @param unit   the unit downloading it, so the example region lies in its scope; may be null
     */
    public static void write(FeedContract feed, String period, String unit, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            DataFormat format = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(text);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle requiredHeader = workbook.createCellStyle();
            requiredHeader.cloneStyleFrom(header);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            requiredHeader.setFont(red);
            CellStyle example = workbook.createCellStyle();
            example.cloneStyleFrom(text);
            Font grey = workbook.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            example.setFont(grey);

            Sheet data = workbook.createSheet(DATA_SHEET);
            Sheet lists = workbook.createSheet(LISTS_SHEET);
            Sheet notes = workbook.createSheet(NOTES_SHEET);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            workbook.setActiveSheet(0);

            Row headers = data.createRow(0);
            Row sample = data.createRow(1);
            DataValidationHelper validations = data.getDataValidationHelper();
            int listColumn = 0;
            for (int c = 0; c < feed.columns().size(); c++) {
                ColumnSpec column = feed.columns().get(c);
                Cell h = headers.createCell(c);
                h.setCellValue(column.header());
                h.setCellStyle(column.required() ? requiredHeader : header);
                Cell e = sample.createCell(c);
                e.setCellValue(FormulaGuard.neutralise(example(feed, column, period, unit)));
                e.setCellStyle(example);
                data.setDefaultColumnStyle(c, text);
                data.setColumnWidth(c, Math.max(12, column.header().length() * 3 + 4) * 256);
                List<String> choices = choices(column);
                if (!choices.isEmpty()) {
                    Row row;
                    for (int i = 0; i < choices.size(); i++) {
                        row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                        row.createCell(listColumn).setCellValue(choices.get(i));
                    }
                    String letter = CellReference.convertNumToColString(listColumn);
                    Name name = workbook.createName();
                    name.setNameName("list_" + column.key());
                    name.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$1:$" + letter + "$" + choices.size());
                    DataValidationConstraint constraint = validations.createFormulaListConstraint("list_" + column.key());
                    DataValidation validation = validations.createValidation(constraint,
                            new CellRangeAddressList(1, VALIDATED_ROWS, c, c));
                    validation.setSuppressDropDownArrow(true);
                    // Several hardship types go into one cell, so that column only suggests.
                    boolean strict = column.type() != ColumnType.CODE_MULTI;
                    validation.setShowErrorBox(strict);
                    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                    validation.createErrorBox("取值不在代码表中", "请从下拉列表中选择“" + column.header() + "”的取值。");
                    validation.setShowPromptBox(true);
                    validation.createPromptBox(column.header(), strict ? "请从下拉列表中选择。" : "可从下拉列表选择，多个类型用“、”分隔。");
                    data.addValidationData(validation);
                    listColumn++;
                }
            }
            data.createFreezePane(0, 1);
            writeNotes(notes, feed, header, text);
            workbook.write(out);
        }
    }

    static List<String> choices(ColumnSpec column) {
        return switch (column.type()) {
            case CODE, CODE_MULTI -> new ArrayList<>(Contracts.get().codeList(column.codeList()).labels());
            case SEX -> List.of("男", "女");
            case FLAG -> List.of("是", "否");
            default -> List.of();
        };
    }

    private static void writeNotes(Sheet notes, FeedContract feed, CellStyle bold, CellStyle text) {
        int r = 0;
        cell(notes.createRow(r++), 0, feed.name() + "（" + feed.feed() + "）填报说明", bold);
        String departments = String.join("、", feed.departments().stream()
                .map(d -> Contracts.get().departments().get(d)).toList());
        String[] general = {
            "报送单位：" + departments + "；" + (feed.period() == FeedContract.PeriodKind.month ? "按月报送（期间 YYYY-MM）"
                    : "按年报送（期间 YYYY）") + "；" + (feed.kind() == FeedContract.FeedKind.snapshot
                    ? "快照：填写期末的全部在册数据。" : "事件：只填写该期间内发生的记录，日期须在所选期间内。"),
            "请勿修改第1行表头；红色表头为必填项。第2行为灰色示例，填报前请删除或覆盖。",
            "日期可写 2024-01-05、2024/1/5、20240105 或 2024年1月5日；金额单位为元，最多两位小数。",
            "公民身份号码为18位（末位可为X），系统会校验校验位、出生日期和性别。",
            "有下拉列表的列请从列表中选择；表格下方的“合计”“制表”“审核”等行会被忽略。",
            "同一报送期间重复上传视为更正，以最后一次接收的文件为准，此前的版本保留可查。",
            "文件可为 .xlsx 或 CSV（UTF-8 或 GBK 编码），单个文件不超过系统设定的大小上限。"};
        for (String line : general) {
            cell(notes.createRow(r++), 0, line, text);
        }
        r++;
        Row head = notes.createRow(r++);
        String[] titles = {"表头", "字段", "类型", "必填", "主键", "取值与规则"};
        for (int i = 0; i < titles.length; i++) {
            cell(head, i, titles[i], bold);
        }
        for (ColumnSpec column : feed.columns()) {
            Row row = notes.createRow(r++);
            cell(row, 0, column.header(), text);
            cell(row, 1, column.key(), text);
            cell(row, 2, typeLabel(column.type()), text);
            cell(row, 3, column.required() ? "是" : "否", text);
            cell(row, 4, column.keyColumn() ? "是" : "", text);
            cell(row, 5, rule(column), text);
        }
        int[] widths = {20, 18, 14, 6, 6, 90};
        for (int i = 0; i < widths.length; i++) {
            notes.setColumnWidth(i, widths[i] * 256);
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(FormulaGuard.neutralise(value));
        cell.setCellStyle(style);
    }

    private static final Map<ColumnType, String> TYPE_LABELS = Map.ofEntries(
            Map.entry(ColumnType.TEXT, "文本"), Map.entry(ColumnType.DIGITS, "数字串"),
            Map.entry(ColumnType.ID_NUMBER, "公民身份号码"), Map.entry(ColumnType.USCC, "统一社会信用代码"),
            Map.entry(ColumnType.DATE, "日期"), Map.entry(ColumnType.DATETIME, "日期时间"),
            Map.entry(ColumnType.MONTH, "年月"), Map.entry(ColumnType.YEAR, "年份"),
            Map.entry(ColumnType.AMOUNT, "金额（元）"), Map.entry(ColumnType.INT, "整数"),
            Map.entry(ColumnType.DECIMAL, "小数"), Map.entry(ColumnType.FLAG, "是/否"),
            Map.entry(ColumnType.SEX, "性别"), Map.entry(ColumnType.REGION_CODE, "区划代码"),
            Map.entry(ColumnType.CODE, "代码（下拉选择）"), Map.entry(ColumnType.CODE_MULTI, "代码（可多选）"));

    static String typeLabel(ColumnType type) {
        return TYPE_LABELS.getOrDefault(type, type.key());
    }

    static String rule(ColumnSpec column) {
        List<String> parts = new ArrayList<>();
        switch (column.type()) {
            case ID_NUMBER -> parts.add("18位（或15位老号码），校验位须正确");
            case USCC -> parts.add("18位，校验位须正确");
            case DATETIME -> parts.add("如 2024-12-05 08:30");
            case MONTH -> parts.add("如 2024-12 或 202412");
            case REGION_CODE -> parts.add("统计用区划代码，须在区划代码库中" + (column.regionLevels() == null ? ""
                    : "；允许 " + String.join("、", column.regionLevels().stream().map(FeedTemplates::levelDigits).toList())
                    + " 位"));
            case SEX -> parts.add("男/女，须与身份号码一致");
            case FLAG -> parts.add("是/否");
            case CODE, CODE_MULTI -> {
                CodeList list = Contracts.get().codeList(column.codeList());
                parts.add("可选：" + String.join("、", list.labels()));
                if (column.type() == ColumnType.CODE_MULTI) {
                    parts.add("多个用“、”分隔");
                }
            }
            default -> {
            }
        }
        if (column.min() != null) {
            parts.add("不小于 " + column.min().toPlainString());
        }
        if (column.minExclusive() != null) {
            parts.add("大于 " + column.minExclusive().toPlainString());
        }
        if (column.max() != null) {
            parts.add("不大于 " + column.max().toPlainString());
        }
        if (column.inPeriod()) {
            parts.add("须在所选报送期间内");
        }
        if (column.equalsPeriod()) {
            parts.add("须等于所选报送期间");
        }
        if (column.keyColumn()) {
            parts.add("同一文件内主键不得重复");
        }
        return String.join("；", parts);
    }

    private static String levelDigits(int level) {
        return switch (level) {
            case 1 -> "2";
            case 2 -> "4";
            case 3 -> "6";
            case 4 -> "9";
            default -> "12";
        };
    }

    /** A value that passes the column's checks for the period (the region lies in the unit's scope when known). */
    static String example(FeedContract feed, ColumnSpec column, String period, String unit) {
        LocalDate day = periodDay(period);
        return switch (column.type()) {
            case ID_NUMBER -> EXAMPLE_ID;
            case USCC -> usccExample();
            case DATE -> column.key().equals("birth_date") ? "1949-12-31" : day.toString();
            case DATETIME -> column.key().startsWith("end") ? day + " 10:00" : day + " 09:00";
            case MONTH -> YearMonth.from(day).toString();
            case YEAR -> String.valueOf(day.getYear());
            case AMOUNT -> column.key().equals("premium") ? "50.00" : "100.00";
            case INT -> column.key().equals("nursing_beds") ? "60" : column.key().equals("level") ? "5" : "100";
            case DECIMAL -> column.key().endsWith("lat") ? "34.26" : "117.18";
            case FLAG -> "是";
            case SEX -> "女";
            case REGION_CODE -> exampleRegion(unit);
            case CODE, CODE_MULTI -> Contracts.get().codeList(column.codeList()).labels().iterator().next();
            case DIGITS -> column.key().equals("parent_code") ? "320302001000" : exampleRegion(unit);
            case TEXT -> switch (column.key()) {
                case "name" -> feed.feed().equals("facility") ? "示例养老服务中心" : "张示例";
                case "order_id" -> "GD" + YearMonth.from(day).toString().replace("-", "") + "000001";
                case "policy_no" -> "PA" + day.getYear() + "000001";
                default -> "示例";
            };
        };
    }

    private static String exampleRegion(String unit) {
        String fallback = "320302001001";
        if (unit == null) {
            return fallback;
        }
        return ReportingUnit.parse(unit).map(u -> u.covers(fallback) ? fallback : u.scope() + "001001").orElse(fallback);
    }

    private static LocalDate periodDay(String period) {
        try {
            if (period != null && period.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(period).atDay(5);
            }
            if (period != null && period.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(period), 3, 5);
            }
        } catch (RuntimeException e) {
            // fall through to the default
        }
        return YearMonth.now().minusMonths(1).atDay(5);
    }

    static String usccExample() {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(USCC_BASE.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_BASE + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

}
