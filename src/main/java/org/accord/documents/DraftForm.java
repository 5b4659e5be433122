package org.accord.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accord.documents.Revision.Decision;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The drafting page's form: every field, with lines of text for lists of names. */
public class DraftForm {

    /** One 议定事项 row of the form. */
    public static class DecisionRow {
        private @Nullable String text;
        private @Nullable Long lead;
        private List<Long> cooperating = new ArrayList<>();
        // The date input shows only an ISO date; the locale's default style would print 2026/12/31 and come back empty.
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate deadline;

        public @Nullable String getText() {
            return text;
        }

        public void setText(@Nullable String text) {
            this.text = text;
        }

        public @Nullable Long getLead() {
            return lead;
        }

        public void setLead(@Nullable Long lead) {
            this.lead = lead;
        }

        public List<Long> getCooperating() {
            return cooperating;
        }

        public void setCooperating(@Nullable List<Long> cooperating) {
            this.cooperating = cooperating == null ? new ArrayList<>() : cooperating;
        }

        public @Nullable LocalDate getDeadline() {
            return deadline;
        }

        public void setDeadline(@Nullable LocalDate deadline) {
            this.deadline = deadline;
        }
    }

    private @Nullable Genre genre;
    private @Nullable Long issuer;
    private @Nullable String issuerCode;
    private @Nullable Long signer;
    private String title = "";
    private @Nullable String urgency;
    private @Nullable String classification;
    private List<Long> mainAddressees = new ArrayList<>();
    private List<Long> copyTo = new ArrayList<>();
    private List<Long> coIssuers = new ArrayList<>();
    private String body = "";
    private String attachments = "";
    private @Nullable String note;
    private @Nullable String printingUnit;
    private String present = "";
    private String excused = "";
    private String observers = "";
    private List<DecisionRow> decisions = new ArrayList<>();
    private @Nullable Long rulingPoint;

    static DraftForm of(Revision revision, Document document) {
        DraftForm form = new DraftForm();
        form.genre = document.genre();
        form.issuer = document.issuerUnitId();
        form.issuerCode = document.issuerCode();
        form.signer = document.signerId();
        form.title = revision.title();
        form.urgency = revision.urgency();
        form.classification = revision.classification();
        form.mainAddressees = new ArrayList<>(revision.mainAddressees());
        form.copyTo = new ArrayList<>(revision.copyTo());
        form.coIssuers = new ArrayList<>(revision.coIssuers());
        form.body = revision.body();
        form.attachments = String.join("\n", revision.attachments());
        form.note = revision.note();
        form.printingUnit = revision.printingUnit();
        form.present = String.join("\n", revision.present());
        form.excused = String.join("\n", revision.excused());
        form.observers = String.join("\n", revision.observers());
        for (Decision decision : revision.decisions()) {
            DecisionRow row = new DecisionRow();
            row.text = decision.text();
            row.lead = decision.leadUnitId();
            row.cooperating = new ArrayList<>(decision.cooperatingUnitIds());
            row.deadline = decision.deadline();
            form.decisions.add(row);
        }
        return form;
    }

    /** Room for a few more 议定事项 than there are. */
    DraftForm withEmptyRows(int rows) {
        for (int i = 0; i < rows; i++) {
            decisions.add(new DecisionRow());
        }
        return this;
    }

    Documents.Draft draft() {
        List<Decision> rows = new ArrayList<>();
        for (DecisionRow row : decisions) {
            if (row.text != null && !row.text.isBlank()) {
                rows.add(new Decision(row.text.strip(), row.lead, List.copyOf(row.cooperating), row.deadline));
            }
        }
        return new Documents.Draft(
                title,
                urgency,
                classification,
                mainAddressees,
                copyTo,
                coIssuers,
                body,
                lines(attachments),
                note,
                printingUnit,
                lines(present),
                lines(excused),
                lines(observers),
                rows);
    }

    private static List<String> lines(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\r?\\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    public @Nullable Genre getGenre() {
        return genre;
    }

    public void setGenre(@Nullable Genre genre) {
        this.genre = genre;
    }

    public @Nullable Long getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable Long issuer) {
        this.issuer = issuer;
    }

    public @Nullable String getIssuerCode() {
        return issuerCode;
    }

    public void setIssuerCode(@Nullable String issuerCode) {
        this.issuerCode = issuerCode;
    }

    public @Nullable Long getSigner() {
        return signer;
    }

    public void setSigner(@Nullable Long signer) {
        this.signer = signer;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title;
    }

    public @Nullable String getUrgency() {
        return urgency;
    }

    public void setUrgency(@Nullable String urgency) {
        this.urgency = urgency;
    }

    public @Nullable String getClassification() {
        return classification;
    }

    public void setClassification(@Nullable String classification) {
        this.classification = classification;
    }

    public List<Long> getMainAddressees() {
        return mainAddressees;
    }

    public void setMainAddressees(@Nullable List<Long> mainAddressees) {
        this.mainAddressees = mainAddressees == null ? new ArrayList<>() : mainAddressees;
    }

    public List<Long> getCopyTo() {
        return copyTo;
    }

    public void setCopyTo(@Nullable List<Long> copyTo) {
        this.copyTo = copyTo == null ? new ArrayList<>() : copyTo;
    }

    public List<Long> getCoIssuers() {
        return coIssuers;
    }

    public void setCoIssuers(@Nullable List<Long> coIssuers) {
        this.coIssuers = coIssuers == null ? new ArrayList<>() : coIssuers;
    }

    public String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body == null ? "" : body;
    }

    public String getAttachments() {
        return attachments;
    }

    public void setAttachments(@Nullable String attachments) {
        this.attachments = attachments == null ? "" : attachments;
    }

    public @Nullable String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }

    public @Nullable String getPrintingUnit() {
        return printingUnit;
    }

    public void setPrintingUnit(@Nullable String printingUnit) {
        this.printingUnit = printingUnit;
    }

    public String getPresent() {
        return present;
    }

    public void setPresent(@Nullable String present) {
        this.present = present == null ? "" : present;
    }

    public String getExcused() {
        return excused;
    }

    public void setExcused(@Nullable String excused) {
        this.excused = excused == null ? "" : excused;
    }

    public String getObservers() {
        return observers;
    }

    public void setObservers(@Nullable String observers) {
        this.observers = observers == null ? "" : observers;
    }

    public List<DecisionRow> getDecisions() {
        return decisions;
    }

    public void setDecisions(@Nullable List<DecisionRow> decisions) {
        this.decisions = decisions == null ? new ArrayList<>() : decisions;
    }

    public @Nullable Long getRulingPoint() {
        return rulingPoint;
    }

    public void setRulingPoint(@Nullable Long rulingPoint) {
        this.rulingPoint = rulingPoint;
    }
}
