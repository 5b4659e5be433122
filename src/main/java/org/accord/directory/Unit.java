package org.accord.directory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("directory_unit")
class Unit {

    @Id
    private @Nullable Long id;

    private final String code;
    private String name;
    private @Nullable String shortName;
    private UnitKind kind;
    private @Nullable Long parentId;
    private @Nullable Long overseeingLeaderId;
    private boolean authoritative;
    private @Nullable String dutyPhone;
    private int sortOrder;
    private boolean active;

    Unit(
            @Nullable Long id,
            String code,
            String name,
            @Nullable String shortName,
            UnitKind kind,
            @Nullable Long parentId,
            @Nullable Long overseeingLeaderId,
            boolean authoritative,
            @Nullable String dutyPhone,
            int sortOrder,
            boolean active) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
        this.parentId = parentId;
        this.overseeingLeaderId = overseeingLeaderId;
        this.authoritative = authoritative;
        this.dutyPhone = dutyPhone;
        this.sortOrder = sortOrder;
        this.active = active;
    }

    static Unit of(UnitRow row) {
        Unit unit = new Unit(null, row.code(), row.name(), null, row.kind(), null, null, false, null, 0, true);
        unit.describeAs(row);
        return unit;
    }

    /** Takes the row's own facts; references (parent, overseer) are placed separately, by id. */
    boolean describeAs(UnitRow row) {
        boolean changed = !Objects.equals(name, row.name())
                || !Objects.equals(shortName, row.shortName())
                || kind != row.kind()
                || authoritative != row.authoritative()
                || !Objects.equals(dutyPhone, row.dutyPhone())
                || sortOrder != row.sortOrder()
                || !active;
        name = row.name();
        shortName = row.shortName();
        kind = row.kind();
        authoritative = row.authoritative();
        dutyPhone = row.dutyPhone();
        sortOrder = row.sortOrder();
        active = true;
        return changed;
    }

    boolean placeUnder(@Nullable Long parentId, @Nullable Long overseeingLeaderId) {
        boolean changed = !Objects.equals(this.parentId, parentId)
                || !Objects.equals(this.overseeingLeaderId, overseeingLeaderId);
        this.parentId = parentId;
        this.overseeingLeaderId = overseeingLeaderId;
        return changed;
    }

    /** Units leave the directory by being deactivated, never deleted: matters keep referring to them. */
    void deactivate() {
        active = false;
    }

    UnitSummary summary() {
        return new UnitSummary(
                Objects.requireNonNull(id),
                code,
                name,
                shortName,
                kind,
                parentId,
                overseeingLeaderId,
                authoritative,
                dutyPhone,
                active);
    }

    @Nullable
    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    @Nullable
    String shortName() {
        return shortName;
    }

    UnitKind kind() {
        return kind;
    }

    @Nullable
    Long parentId() {
        return parentId;
    }

    @Nullable
    Long overseeingLeaderId() {
        return overseeingLeaderId;
    }

    boolean authoritative() {
        return authoritative;
    }

    @Nullable
    String dutyPhone() {
        return dutyPhone;
    }

    int sortOrder() {
        return sortOrder;
    }

    boolean active() {
        return active;
    }
}
