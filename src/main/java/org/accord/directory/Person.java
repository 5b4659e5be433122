package org.accord.directory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("directory_person")
class Person {

    @Id
    private @Nullable Long id;

    private final String code;
    private String name;
    private long unitId;
    private @Nullable String position;
    private @Nullable LeaderTitle leaderTitle;
    private @Nullable String phone;
    private @Nullable String mobile;
    private @Nullable String email;
    private boolean liaison;
    private int sortOrder;
    private boolean active;

    Person(
            @Nullable Long id,
            String code,
            String name,
            long unitId,
            @Nullable String position,
            @Nullable LeaderTitle leaderTitle,
            @Nullable String phone,
            @Nullable String mobile,
            @Nullable String email,
            boolean liaison,
            int sortOrder,
            boolean active) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.unitId = unitId;
        this.position = position;
        this.leaderTitle = leaderTitle;
        this.phone = phone;
        this.mobile = mobile;
        this.email = email;
        this.liaison = liaison;
        this.sortOrder = sortOrder;
        this.active = active;
    }

    static Person of(PersonRow row, long unitId) {
        Person person = new Person(null, row.code(), row.name(), unitId, null, null, null, null, null, false, 0, true);
        person.describeAs(row, unitId);
        return person;
    }

    boolean describeAs(PersonRow row, long unitId) {
        boolean changed = !Objects.equals(name, row.name())
                || this.unitId != unitId
                || !Objects.equals(position, row.position())
                || leaderTitle != row.leaderTitle()
                || !Objects.equals(phone, row.phone())
                || !Objects.equals(mobile, row.mobile())
                || !Objects.equals(email, row.email())
                || liaison != row.liaison()
                || sortOrder != row.sortOrder()
                || !active;
        name = row.name();
        this.unitId = unitId;
        position = row.position();
        leaderTitle = row.leaderTitle();
        phone = row.phone();
        mobile = row.mobile();
        email = row.email();
        liaison = row.liaison();
        sortOrder = row.sortOrder();
        active = true;
        return changed;
    }

    void deactivate() {
        active = false;
    }

    PersonSummary summary() {
        return new PersonSummary(
                Objects.requireNonNull(id),
                code,
                name,
                unitId,
                position,
                leaderTitle,
                phone,
                mobile,
                email,
                liaison,
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

    long unitId() {
        return unitId;
    }

    @Nullable
    String position() {
        return position;
    }

    @Nullable
    LeaderTitle leaderTitle() {
        return leaderTitle;
    }

    @Nullable
    String phone() {
        return phone;
    }

    @Nullable
    String mobile() {
        return mobile;
    }

    @Nullable
    String email() {
        return email;
    }

    boolean liaison() {
        return liaison;
    }

    int sortOrder() {
        return sortOrder;
    }

    boolean active() {
        return active;
    }
}
