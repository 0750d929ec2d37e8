package cn.yinling.warehouse.read;

public enum FileFormat {
    CSV, XLSX
}
