package org.accord.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.accord.audit.Audited;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a whole directory in two steps: check and preview (nothing changes), then apply on the
 * user's confirmation, in one transaction, with progress the page can follow. The uploaded files
 * wait in the database between the two steps, so any instance can apply them.
 */
@Service
class DirectoryImports {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImports.class);
    private static final int PROGRESS_EVERY = 250;

    private final Units units;
    private final People people;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate progressTransaction;
    private final TaskExecutor executor;
    private final ApplicationEventPublisher events;

    DirectoryImports(
            Units units,
            People people,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            TaskExecutor executor,
            ApplicationEventPublisher events) {
        this.units = units;
        this.people = people;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.progressTransaction = new TransactionTemplate(transactions);
        this.progressTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
        this.events = events;
    }

    /** Checks the files and, if they are sound, keeps them for confirmation. Changes no directory data. */
    ImportPreview stage(List<DirectoryFileReader.Upload> uploads, ImportMode mode, String uploadedBy) {
        DirectoryFile file = DirectoryFileReader.read(uploads);
        ImportPreview preview = preview(file, mode);
        if (!preview.valid()) {
            return preview;
        }
        Long importId = transaction.execute(status -> {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(
                            "INSERT INTO directory_import (uploaded_by, uploaded_at, mode, status, total_rows, done_rows) VALUES (?, ?, ?, ?, ?, 0)")
                    .params(
                            uploadedBy,
                            Timestamp.from(Instant.now()),
                            mode.name(),
                            ImportProgress.STAGED,
                            file.rowCount())
                    .update(keys, "id");
            long id = Objects.requireNonNull(keys.getKey()).longValue();
            for (DirectoryFileReader.Upload upload : uploads) {
                jdbc.sql("INSERT INTO directory_import_file (import_id, file_name, content) VALUES (?, ?, ?)")
                        .params(id, upload.fileName(), upload.content())
                        .update();
            }
            return id;
        });
        return new ImportPreview(importId, mode, List.of(), preview.units(), preview.people(), preview.samples());
    }

    /** Reads, checks and applies files at once, on the calling thread (demo data, tests). */
    ImportPreview importNow(List<DirectoryFileReader.Upload> uploads, ImportMode mode) {
        DirectoryFile file = DirectoryFileReader.read(uploads);
        ImportPreview preview = preview(file, mode);
        if (preview.valid()) {
            transaction.executeWithoutResult(status -> {
                apply(file, mode, done -> {});
                events.publishEvent(Audited.now("directory", "import", null, "apply", null, null, summary(preview)));
            });
            events.publishEvent(new DirectoryChanged(
                    preview.units().total(), preview.people().total()));
        }
        return preview;
    }

    /** Starts applying a staged import in the background; the caller follows it with {@link #progress}. */
    void confirm(long importId) {
        int claimed = jdbc.sql("UPDATE directory_import SET status = ? WHERE id = ? AND status = ?")
                .params(ImportProgress.RUNNING, importId, ImportProgress.STAGED)
                .update();
        if (claimed == 0) {
            throw new ImportNotPending(importId);
        }
        // Who confirmed, and from where, is known only here on the request thread.
        Audited confirmed = Audited.now("directory", "import", Long.toString(importId), "apply", null, null, null);
        executor.execute(() -> applyStaged(importId, confirmed));
    }

    Optional<ImportProgress> progress(long importId) {
        return jdbc.sql("SELECT id, status, total_rows, done_rows, message FROM directory_import WHERE id = ?")
                .param(importId)
                .query((rs, n) ->
                        new ImportProgress(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5)))
                .optional();
    }

    private void applyStaged(long importId, Audited confirmed) {
        try {
            ImportMode mode = ImportMode.valueOf(jdbc.sql("SELECT mode FROM directory_import WHERE id = ?")
                    .param(importId)
                    .query(String.class)
                    .single());
            List<DirectoryFileReader.Upload> uploads = jdbc.sql(
                            "SELECT file_name, content FROM directory_import_file WHERE import_id = ? ORDER BY id")
                    .param(importId)
                    .query((rs, n) -> new DirectoryFileReader.Upload(rs.getString(1), rs.getBytes(2)))
                    .list();
            DirectoryFile file = DirectoryFileReader.read(uploads);
            // The directory may have changed since the preview: check again before touching it.
            ImportPreview preview = preview(file, mode);
            if (!preview.valid()) {
                finish(importId, ImportProgress.FAILED, "directory.import.failed.changed");
                return;
            }
            transaction.executeWithoutResult(status -> {
                apply(file, mode, done -> record(importId, done));
                events.publishEvent(confirmed.completed(null, summary(preview)));
            });
            jdbc.sql("DELETE FROM directory_import_file WHERE import_id = ?")
                    .param(importId)
                    .update();
            finish(importId, ImportProgress.DONE, null);
            events.publishEvent(new DirectoryChanged(
                    preview.units().total(), preview.people().total()));
        } catch (RuntimeException e) {
            log.error("Directory import {} failed", importId, e);
            finish(importId, ImportProgress.FAILED, "directory.import.failed.error");
        }
    }

    private void record(long importId, int done) {
        progressTransaction.executeWithoutResult(
                status -> jdbc.sql("UPDATE directory_import SET done_rows = ? WHERE id = ?")
                        .params(done, importId)
                        .update());
    }

    private void finish(long importId, String status, @Nullable String message) {
        progressTransaction.executeWithoutResult(tx -> jdbc.sql(
                        "UPDATE directory_import SET status = ?, message = ?, finished_at = ?, done_rows = CASE WHEN ? = 'DONE' THEN total_rows ELSE done_rows END WHERE id = ?")
                .params(status, message, Timestamp.from(Instant.now()), status, importId)
                .update());
    }

    /** The audit trail's account of an applied import: its mode and counts. */
    private static String summary(ImportPreview preview) {
        return "mode=" + preview.mode() + "; units " + counts(preview.units()) + "; people " + counts(preview.people());
    }

    private static String counts(ImportPreview.Counts counts) {
        return "added=" + counts.added() + ", changed=" + counts.changed() + ", unchanged=" + counts.unchanged()
                + ", deactivated=" + counts.deactivated();
    }

    /** What the file would do to the directory as it stands, or why it cannot be imported. */
    ImportPreview preview(DirectoryFile file, ImportMode mode) {
        if (!file.valid()) {
            return ImportPreview.rejected(mode, file.errors());
        }
        if (mode == ImportMode.REPLACE && !(file.hasUnits() && file.hasPeople())) {
            return ImportPreview.rejected(
                    mode, List.of(new RowError("", 0, "", "directory.import.error.replaceNeedsBoth")));
        }
        List<Unit> existingUnits = units.findAll();
        List<Person> existingPeople = people.findAll();
        Map<Long, String> unitCodes = new HashMap<>();
        existingUnits.forEach(unit -> unitCodes.put(unit.id(), unit.code()));
        Map<Long, String> personCodes = new HashMap<>();
        existingPeople.forEach(person -> personCodes.put(person.id(), person.code()));

        Map<String, UnitRow> currentUnits = new LinkedHashMap<>();
        existingUnits.stream()
                .filter(Unit::active)
                .forEach(unit -> currentUnits.put(
                        unit.code(),
                        UnitRow.of(
                                unit, code(unitCodes, unit.parentId()), code(personCodes, unit.overseeingLeaderId()))));
        Map<String, PersonRow> currentPeople = new LinkedHashMap<>();
        existingPeople.stream()
                .filter(Person::active)
                .forEach(person ->
                        currentPeople.put(person.code(), PersonRow.of(person, unitCodes.get(person.unitId()))));

        Map<String, UnitRow> resultUnits =
                new LinkedHashMap<>(mode == ImportMode.MERGE || !file.hasUnits() ? currentUnits : Map.of());
        file.units().forEach(row -> resultUnits.put(row.code(), row));
        Map<String, PersonRow> resultPeople =
                new LinkedHashMap<>(mode == ImportMode.MERGE || !file.hasPeople() ? currentPeople : Map.of());
        file.people().forEach(row -> resultPeople.put(row.code(), row));

        OrgChart result = new OrgChart(resultUnits.values(), resultPeople.values());
        List<RowError> errors = checkReferences(result, file);
        if (!errors.isEmpty()) {
            return ImportPreview.rejected(mode, errors);
        }

        List<String> samples = new ArrayList<>();
        ImportPreview.Counts unitCounts = count(
                file.units(),
                currentUnits,
                resultUnits.keySet(),
                mode,
                samples,
                "单位",
                UnitRow::name,
                DirectoryImports::sameUnit);
        ImportPreview.Counts peopleCounts = count(
                file.people(),
                currentPeople,
                resultPeople.keySet(),
                mode,
                samples,
                "人员",
                PersonRow::name,
                DirectoryImports::samePerson);
        return new ImportPreview(null, mode, List.of(), unitCounts, peopleCounts, samples);
    }

    private static <R> ImportPreview.Counts count(
            List<R> rows,
            Map<String, R> current,
            Set<String> result,
            ImportMode mode,
            List<String> samples,
            String what,
            java.util.function.Function<R, String> name,
            java.util.function.BiPredicate<R, R> same) {
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (R row : rows) {
            String code = codeOf(row);
            R before = current.get(code);
            if (before == null) {
                added++;
                sample(samples, "新增" + what + "：" + name.apply(row) + "（" + code + "）");
            } else if (same.test(before, row)) {
                unchanged++;
            } else {
                changed++;
                sample(samples, "修改" + what + "：" + name.apply(row) + "（" + code + "）");
            }
        }
        int deactivated = 0;
        if (mode == ImportMode.REPLACE) {
            for (Map.Entry<String, R> entry : current.entrySet()) {
                if (!result.contains(entry.getKey())) {
                    deactivated++;
                    sample(samples, "停用" + what + "：" + name.apply(entry.getValue()) + "（" + entry.getKey() + "）");
                }
            }
        }
        return new ImportPreview.Counts(added, changed, unchanged, deactivated);
    }

    private static void sample(List<String> samples, String line) {
        if (samples.size() < 30) {
            samples.add(line);
        }
    }

    private static String codeOf(Object row) {
        return row instanceof UnitRow unit ? unit.code() : ((PersonRow) row).code();
    }

    private static boolean sameUnit(UnitRow a, UnitRow b) {
        return a.name().equals(b.name())
                && Objects.equals(a.shortName(), b.shortName())
                && a.kind() == b.kind()
                && Objects.equals(a.parentCode(), b.parentCode())
                && Objects.equals(a.overseerCode(), b.overseerCode())
                && a.authoritative() == b.authoritative()
                && Objects.equals(a.dutyPhone(), b.dutyPhone())
                && a.sortOrder() == b.sortOrder();
    }

    private static boolean samePerson(PersonRow a, PersonRow b) {
        return a.name().equals(b.name())
                && a.unitCode().equals(b.unitCode())
                && Objects.equals(a.position(), b.position())
                && a.leaderTitle() == b.leaderTitle()
                && Objects.equals(a.phone(), b.phone())
                && Objects.equals(a.mobile(), b.mobile())
                && Objects.equals(a.email(), b.email())
                && a.liaison() == b.liaison()
                && a.sortOrder() == b.sortOrder();
    }

    /** Checks what single cells cannot: that every reference lands, and the tree is a tree. */
    private static List<RowError> checkReferences(OrgChart result, DirectoryFile file) {
        List<RowError> errors = new ArrayList<>();
        for (UnitRow unit : file.units()) {
            String parent = unit.parentCode();
            if (parent != null && result.unit(parent).isEmpty()) {
                errors.add(new RowError(
                        DirectoryFile.UNITS, unit.line(), "上级编码", "directory.import.error.noParent", parent));
            } else if (parent != null && result.hasCycleAt(unit.code())) {
                errors.add(new RowError(
                        DirectoryFile.UNITS, unit.line(), "上级编码", "directory.import.error.cycle", unit.code()));
            }
            if (parent == null && unit.kind() == UnitKind.SECTION) {
                errors.add(new RowError(
                        DirectoryFile.UNITS, unit.line(), "上级编码", "directory.import.error.sectionNeedsParent"));
            }
            String overseer = unit.overseerCode();
            if (overseer != null) {
                Optional<PersonRow> leader = result.person(overseer);
                if (leader.isEmpty()) {
                    errors.add(new RowError(
                            DirectoryFile.UNITS, unit.line(), "分管领导编码", "directory.import.error.noPerson", overseer));
                } else if (leader.get().leaderTitle() == null) {
                    errors.add(new RowError(
                            DirectoryFile.UNITS, unit.line(), "分管领导编码", "directory.import.error.notLeader", overseer));
                }
            }
        }
        for (PersonRow person : file.people()) {
            Optional<UnitRow> unit = result.unit(person.unitCode());
            if (unit.isEmpty()) {
                errors.add(new RowError(
                        DirectoryFile.PEOPLE,
                        person.line(),
                        "单位编码",
                        "directory.import.error.noUnit",
                        person.unitCode()));
            } else if (person.leaderTitle() != null && unit.get().kind() != UnitKind.GOVERNMENT) {
                errors.add(new RowError(
                        DirectoryFile.PEOPLE, person.line(), "领导职务", "directory.import.error.leaderOutsideGovernment"));
            }
        }
        // Rows kept from the directory in place may now point at something the file removes.
        Set<String> fileUnits = new HashSet<>();
        file.units().forEach(row -> fileUnits.add(row.code()));
        for (UnitRow unit : result.units()) {
            if (!fileUnits.contains(unit.code())
                    && unit.parentCode() != null
                    && result.unit(unit.parentCode()).isEmpty()) {
                errors.add(new RowError(
                        DirectoryFile.UNITS,
                        0,
                        "上级编码",
                        "directory.import.error.orphanUnit",
                        unit.name(),
                        unit.parentCode()));
            }
        }
        Set<String> filePeople = new HashSet<>();
        file.people().forEach(row -> filePeople.add(row.code()));
        for (PersonRow person : result.people()) {
            if (!filePeople.contains(person.code())
                    && result.unit(person.unitCode()).isEmpty()) {
                errors.add(new RowError(
                        DirectoryFile.PEOPLE,
                        0,
                        "单位编码",
                        "directory.import.error.orphanPerson",
                        person.name(),
                        person.unitCode()));
            }
        }
        return errors;
    }

    /** Writes the file into the directory. Runs inside the caller's transaction. */
    private void apply(DirectoryFile file, ImportMode mode, IntConsumer progress) {
        Map<String, Unit> unitsByCode = new HashMap<>();
        units.findAll().forEach(unit -> unitsByCode.put(unit.code(), unit));
        Map<String, Person> peopleByCode = new HashMap<>();
        people.findAll().forEach(person -> peopleByCode.put(person.code(), person));
        int done = 0;

        for (UnitRow row : file.units()) {
            Unit unit = unitsByCode.get(row.code());
            if (unit == null) {
                unitsByCode.put(row.code(), units.save(Unit.of(row)));
            } else if (unit.describeAs(row)) {
                units.save(unit);
            }
            done = tick(done, progress);
        }
        for (PersonRow row : file.people()) {
            long unitId = Objects.requireNonNull(unitsByCode.get(row.unitCode()).id());
            Person person = peopleByCode.get(row.code());
            if (person == null) {
                peopleByCode.put(row.code(), people.save(Person.of(row, unitId)));
            } else if (person.describeAs(row, unitId)) {
                people.save(person);
            }
            done = tick(done, progress);
        }
        for (UnitRow row : file.units()) {
            Unit unit = unitsByCode.get(row.code());
            Long parentId = row.parentCode() == null
                    ? null
                    : unitsByCode.get(row.parentCode()).id();
            Long overseerId = row.overseerCode() == null
                    ? null
                    : peopleByCode.get(row.overseerCode()).id();
            if (unit.placeUnder(parentId, overseerId)) {
                units.save(unit);
            }
        }
        if (mode == ImportMode.REPLACE) {
            Set<String> keepUnits = new HashSet<>();
            file.units().forEach(row -> keepUnits.add(row.code()));
            Set<String> keepPeople = new HashSet<>();
            file.people().forEach(row -> keepPeople.add(row.code()));
            peopleByCode.values().stream()
                    .filter(person -> person.active() && !keepPeople.contains(person.code()))
                    .forEach(person -> {
                        person.deactivate();
                        people.save(person);
                    });
            unitsByCode.values().stream()
                    .filter(unit -> unit.active() && !keepUnits.contains(unit.code()))
                    .forEach(unit -> {
                        unit.deactivate();
                        units.save(unit);
                    });
        }
        progress.accept(file.rowCount());
    }

    private static int tick(int done, IntConsumer progress) {
        int next = done + 1;
        if (next % PROGRESS_EVERY == 0) {
            progress.accept(next);
        }
        return next;
    }

    private static @Nullable String code(Map<Long, String> codes, @Nullable Long id) {
        return id == null ? null : codes.get(id);
    }

    /** Thrown when an import is confirmed that is not waiting for confirmation (already applied, or unknown). */
    static final class ImportNotPending extends RuntimeException {
        ImportNotPending(long importId) {
            super("Directory import " + importId + " is not waiting for confirmation");
        }
    }
}
