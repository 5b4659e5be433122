package org.accord.directory;

import java.util.List;

/**
 * The contents of an uploaded directory: units and people as rows, and every problem found while
 * reading them. A file with any error changes nothing.
 */
record DirectoryFile(
        boolean hasUnits, boolean hasPeople, List<UnitRow> units, List<PersonRow> people, List<RowError> errors) {

    static final String UNITS = "单位";
    static final String PEOPLE = "人员";

    static final List<String> UNIT_COLUMNS = List.of("编码", "名称", "简称", "类别", "上级编码", "分管领导编码", "法定权威单位", "值班电话", "排序");
    static final List<String> PEOPLE_COLUMNS =
            List.of("编码", "姓名", "单位编码", "职务", "领导职务", "办公电话", "手机", "电子邮箱", "联络员", "排序");

    public boolean valid() {
        return errors.isEmpty();
    }

    public int rowCount() {
        return units.size() + people.size();
    }
}
