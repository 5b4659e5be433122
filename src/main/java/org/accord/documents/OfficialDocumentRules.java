package org.accord.documents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.accord.directory.Direction;
import org.accord.directory.Directory;
import org.accord.directory.Party;
import org.accord.directory.UnitKind;
import org.accord.directory.UnitSummary;
import org.accord.documents.Finding.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The rules of 《党政机关公文处理工作条例》 and GB/T 9704-2012 that can be checked on the text of a document.
 * Each rule, its source and its limits are in docs/document-rules.md. Directions come from the directory,
 * never from the drafter; units are named by their full or short name.
 */
@Service
class OfficialDocumentRules implements DocumentRules {

    /** A unit name that the directory does not have; rules that need the unit skip it. */
    static final String UNKNOWN_UNIT = "UNKNOWN_UNIT";

    private static final Pattern NUMBER = Pattern.compile("^(\\S+?)〔(\\d{4})〕([1-9]\\d*)号$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})年([1-9]\\d?)月([1-9]\\d?)日$");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;！!？?\\n]+");
    private static final Pattern LISTED =
            Pattern.compile("^\\s*(一是|二是|三是|四是|五是|[（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+、|\\d+[．.、]|第[一二三四五六七八九十]"
                    + "|另外|此外|另|同时|还|并请|再者)");
    private static final Pattern REQUEST_VERB = Pattern.compile("请求|恳请|申请|拟请|请予|请批准|请审批|请同意|请拨付|请协调|请支持|请帮助|请解决|请安排");
    private static final Pattern SEVERAL_MATTERS =
            Pattern.compile("以下(几个|若干|两个|三个|几项|两项|三项)?(事项|问题)|如下(几个|若干)?(事项|问题)|(两|三|四|几)(个|项)(事项|问题)需(要)?(请示|解决)");
    private static final Pattern CLOSING_REQUEST =
            Pattern.compile("请(予)?(批示|指示|审批|批准|审定|批复|示复|核准|审核)|(妥否|当否|是否(妥当|可行))[，,]?\\s*请|请予(审定|批准|审批|批复)");
    private static final Pattern ASKS_APPROVAL = Pattern.compile(
            "请(予)?(批示|指示|审批|批准|批复|审定|示复|核准)|妥否|当否|恳请.{0,12}(批准|同意|审批|支持|拨付|解决)|请求.{0,8}(批准|同意|审批|拨付|解决)");
    private static final List<String> COMMANDING = List.of("务必", "责令", "严禁", "勒令", "限期", "不得有误", "必须立即");
    private static final List<String> BEGGING = List.of("恳请", "妥否", "当否", "请批示", "请指示", "请审批");
    private static final Pattern ATTACHMENT_NOTE = Pattern.compile("^[\\s　]*附件[：:](.*)$");
    private static final Pattern ATTACHMENT_ITEM = Pattern.compile("^[\\s　]*(\\d+)[．.、]\\s*(.+)$");

    /** The closing formula (结束语) of each genre: "特此X" belongs to the genre X only. */
    private static final Map<String, Genre> CLOSINGS = closings();

    private final Directory directory;
    private final MessageSource messages;

    OfficialDocumentRules(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public List<Finding> check(DocumentText document) {
        List<Finding> findings = new ArrayList<>();
        Map<String, UnitSummary> units = unitsByName();
        Optional<UnitSummary> issuer = resolve(document.issuer(), units, findings, "issuer");
        Map<String, UnitSummary> addressees = resolveAll(document.mainAddressees(), units, findings, "mainAddressee");
        Map<String, UnitSummary> copies = resolveAll(document.copyTo(), units, findings, "copyTo");
        Map<String, Direction> toAddressees = new LinkedHashMap<>();
        Map<String, Direction> toCopies = new LinkedHashMap<>();
        issuer.ifPresent(from -> {
            addressees.forEach((name, to) -> toAddressees.put(name, direction(from, to)));
            copies.forEach((name, to) -> toCopies.put(name, direction(from, to)));
        });

        genreDirection(document, toAddressees, findings);
        requestSingleAddressee(document, findings);
        requestCopyDown(document, toCopies, findings);
        requestOneMatter(document, findings);
        reportContainsRequest(document, findings);
        issuer.ifPresent(from -> skipLevel(from, addressees, copies, units, findings));
        titleGenre(document, findings);
        numberFormat(document, findings);
        dateFormat(document, findings);
        attachmentMismatch(document, findings);
        tone(document, toAddressees, findings);
        return List.copyOf(findings);
    }

    private void genreDirection(DocumentText document, Map<String, Direction> directions, List<Finding> findings) {
        Genre genre = document.genre();
        directions.forEach((name, direction) -> {
            if (!genre.fits(direction)) {
                findings.add(finding(
                        "GENRE_DIRECTION",
                        Severity.ERROR,
                        "documents.rules.genreDirection",
                        genre.word(),
                        name,
                        text("documents.rules.direction." + direction.name()),
                        Genre.suitedTo(direction).stream().map(Genre::word).collect(Collectors.joining("、"))));
            }
        });
    }

    private void requestSingleAddressee(DocumentText document, List<Finding> findings) {
        if (document.genre() == Genre.REQUEST && document.mainAddressees().size() > 1) {
            findings.add(finding(
                    "REQUEST_SINGLE_ADDRESSEE",
                    Severity.ERROR,
                    "documents.rules.requestSingleAddressee",
                    document.mainAddressees().size(),
                    String.join("、", document.mainAddressees())));
        }
    }

    private void requestCopyDown(DocumentText document, Map<String, Direction> toCopies, List<Finding> findings) {
        if (document.genre() != Genre.REQUEST) {
            return;
        }
        List<String> down = toCopies.entrySet().stream()
                .filter(entry -> entry.getValue() == Direction.DOWN)
                .map(Map.Entry::getKey)
                .toList();
        if (!down.isEmpty()) {
            findings.add(finding(
                    "REQUEST_COPY_DOWN", Severity.ERROR, "documents.rules.requestCopyDown", String.join("、", down)));
        }
    }

    private void requestOneMatter(DocumentText document, List<Finding> findings) {
        if (document.genre() != Genre.REQUEST) {
            return;
        }
        List<String> requests = new ArrayList<>();
        boolean listed = false;
        for (String sentence : sentences(document.body())) {
            if (REQUEST_VERB.matcher(sentence).find() && !isClosingFormula(sentence)) {
                requests.add(sentence.strip());
                listed |= LISTED.matcher(sentence).find();
            }
        }
        boolean several = SEVERAL_MATTERS.matcher(document.body()).find();
        if ((requests.size() >= 2 && listed) || several) {
            findings.add(finding(
                    "REQUEST_ONE_MATTER",
                    Severity.WARNING,
                    "documents.rules.requestOneMatter",
                    requests.isEmpty() ? text("documents.rules.severalMatters") : abbreviate(requests.get(1))));
        }
    }

    private void reportContainsRequest(DocumentText document, List<Finding> findings) {
        if (document.genre() != Genre.REPORT) {
            return;
        }
        Matcher matcher = ASKS_APPROVAL.matcher(document.body());
        if (matcher.find()) {
            findings.add(finding(
                    "REPORT_CONTAINS_REQUEST",
                    Severity.ERROR,
                    "documents.rules.reportContainsRequest",
                    matcher.group()));
        }
    }

    /**
     * Article 14: no document skips a level unless it copies the skipped one. The levels are the chain of
     * parents in the directory; a government's general office stands at its government's level.
     */
    private void skipLevel(
            UnitSummary issuer,
            Map<String, UnitSummary> addressees,
            Map<String, UnitSummary> copies,
            Map<String, UnitSummary> units,
            List<Finding> findings) {
        Map<Long, UnitSummary> byId = new LinkedHashMap<>();
        units.values().forEach(unit -> byId.put(unit.id(), unit));
        // A skipped level that receives the document anyway, as copy-to or as a main addressee, is not skipped.
        Set<Long> copied = copies.values().stream().map(UnitSummary::id).collect(Collectors.toCollection(HashSet::new));
        addressees.values().forEach(unit -> copied.add(unit.id()));
        Set<String> skipped = new LinkedHashSet<>();
        for (UnitSummary addressee : addressees.values()) {
            List<UnitSummary> up = between(level(issuer, byId), level(addressee, byId), byId);
            List<UnitSummary> down = between(level(addressee, byId), level(issuer, byId), byId);
            List<UnitSummary> passed = up != null ? up : down == null ? List.of() : down;
            for (UnitSummary level : passed) {
                if (!copied.contains(level.id()) && !copiesItsOffice(level, copied, byId)) {
                    skipped.add(level.displayName());
                }
            }
        }
        if (!skipped.isEmpty()) {
            findings.add(
                    finding("SKIP_LEVEL", Severity.WARNING, "documents.rules.skipLevel", String.join("、", skipped)));
        }
    }

    private static boolean copiesItsOffice(UnitSummary government, Set<Long> copied, Map<Long, UnitSummary> byId) {
        return byId.values().stream()
                .anyMatch(unit -> unit.kind() == UnitKind.GENERAL_OFFICE
                        && Long.valueOf(government.id()).equals(unit.parentId())
                        && copied.contains(unit.id()));
    }

    /** The unit that stands for this one's level: a general office or a section speaks at its parent's. */
    private static UnitSummary level(UnitSummary unit, Map<Long, UnitSummary> byId) {
        if ((unit.kind() == UnitKind.GENERAL_OFFICE) && unit.parentId() != null && byId.containsKey(unit.parentId())) {
            return byId.get(unit.parentId());
        }
        return unit;
    }

    /**
     * The units strictly between {@code lower} and its ancestor {@code upper}, nearest first; null when
     * {@code upper} is not an ancestor of {@code lower}.
     */
    private static @Nullable List<UnitSummary> between(
            UnitSummary lower, UnitSummary upper, Map<Long, UnitSummary> byId) {
        List<UnitSummary> passed = new ArrayList<>();
        Long parent = lower.parentId();
        int guard = 0;
        while (parent != null && guard++ < 50) {
            UnitSummary next = byId.get(parent);
            if (next == null) {
                return null;
            }
            if (next.id() == upper.id()) {
                return passed;
            }
            passed.add(next);
            parent = next.parentId();
        }
        return null;
    }

    private void titleGenre(DocumentText document, List<Finding> findings) {
        String title = document.title().strip().replaceAll("[。．.，,；;：:]+$", "");
        Genre genre = document.genre();
        if (title.isEmpty()) {
            findings.add(finding("TITLE_GENRE", Severity.ERROR, "documents.rules.titleMissing", genre.word()));
        } else if (!title.endsWith(genre.word()) || (genre == Genre.REPORT && title.endsWith("请示报告"))) {
            findings.add(
                    finding("TITLE_GENRE", Severity.ERROR, "documents.rules.titleGenre", genre.word(), example(genre)));
        }
    }

    private static String example(Genre genre) {
        return genre == Genre.MINUTES ? "……会议纪要" : "关于……的" + genre.word();
    }

    private void numberFormat(DocumentText document, List<Finding> findings) {
        String number = document.number();
        if (number == null || number.isBlank()) {
            return;
        }
        String written = number.strip();
        if (NUMBER.matcher(written).matches()) {
            return;
        }
        String problem;
        if (written.contains("第")) {
            problem = "documents.rules.number.ordinal";
        } else if (!written.contains("〔") || !written.contains("〕")) {
            problem = "documents.rules.number.brackets";
        } else if (!Pattern.compile("〔\\d{4}〕").matcher(written).find()) {
            problem = "documents.rules.number.year";
        } else if (Pattern.compile("〕0").matcher(written).find()) {
            problem = "documents.rules.number.zeros";
        } else if (!written.endsWith("号")) {
            problem = "documents.rules.number.suffix";
        } else {
            problem = "documents.rules.number.shape";
        }
        findings.add(finding("NUMBER_FORMAT", Severity.ERROR, "documents.rules.numberFormat", written, text(problem)));
    }

    private void dateFormat(DocumentText document, List<Finding> findings) {
        String date = document.date();
        if (date == null || date.isBlank()) {
            return;
        }
        String written = date.strip();
        Matcher matcher = DATE.matcher(written);
        String problem = null;
        if (matcher.matches()) {
            try {
                LocalDate.of(
                        Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
            } catch (DateTimeException notADay) {
                problem = "documents.rules.date.noSuchDay";
            }
        } else if (Pattern.compile("[〇零一二三四五六七八九十]").matcher(written).find()) {
            problem = "documents.rules.date.chineseNumerals";
        } else if (Pattern.compile("(^|[年月])0\\d").matcher(written).find()) {
            problem = "documents.rules.date.zeros";
        } else {
            problem = "documents.rules.date.shape";
        }
        if (problem != null) {
            findings.add(finding("DATE_FORMAT", Severity.ERROR, "documents.rules.dateFormat", written, text(problem)));
        }
    }

    private void attachmentMismatch(DocumentText document, List<Finding> findings) {
        List<String> noted = attachmentNote(document.body());
        List<String> attached = document.attachments().stream()
                .map(OfficialDocumentRules::attachmentName)
                .filter(name -> !name.isEmpty())
                .toList();
        if (noted.isEmpty() && attached.isEmpty()) {
            return;
        }
        if (noted.isEmpty()) {
            findings.add(finding(
                    "ATTACHMENT_MISMATCH",
                    Severity.ERROR,
                    "documents.rules.attachment.noNote",
                    attached.size(),
                    String.join("、", attached)));
        } else if (attached.isEmpty()) {
            findings.add(finding(
                    "ATTACHMENT_MISMATCH",
                    Severity.ERROR,
                    "documents.rules.attachment.noFiles",
                    noted.size(),
                    String.join("、", noted)));
        } else if (noted.size() != attached.size()) {
            findings.add(finding(
                    "ATTACHMENT_MISMATCH",
                    Severity.ERROR,
                    "documents.rules.attachment.count",
                    noted.size(),
                    attached.size()));
        } else {
            List<String> differing = new ArrayList<>();
            for (int i = 0; i < noted.size(); i++) {
                if (!noted.get(i).equals(attached.get(i))) {
                    differing.add(text("documents.rules.attachment.pair", i + 1, noted.get(i), attached.get(i)));
                }
            }
            if (!differing.isEmpty()) {
                findings.add(finding(
                        "ATTACHMENT_MISMATCH",
                        Severity.ERROR,
                        "documents.rules.attachment.names",
                        String.join("；", differing)));
            }
        }
    }

    /** The names in the attachment note (附件说明) of the body, GB/T 9704-2012 7.3.4, in order. */
    static List<String> attachmentNote(String body) {
        List<String> names = new ArrayList<>();
        String[] lines = body.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            Matcher note = ATTACHMENT_NOTE.matcher(lines[i]);
            if (!note.matches()) {
                continue;
            }
            String first = note.group(1).strip();
            if (!first.isEmpty()) {
                Matcher item = ATTACHMENT_ITEM.matcher(first);
                names.add(attachmentName(item.matches() ? item.group(2) : first));
            }
            for (int j = i + 1; j < lines.length; j++) {
                Matcher item = ATTACHMENT_ITEM.matcher(lines[j]);
                if (!item.matches()) {
                    break;
                }
                names.add(attachmentName(item.group(2)));
            }
            break;
        }
        return names;
    }

    /** A name as compared: no file extension, no book-title marks, no trailing punctuation. */
    static String attachmentName(String name) {
        return name.strip()
                .replaceAll("\\.(docx?|pdf|xlsx?|ofd|wps|txt|zip|jpe?g|png)$", "")
                .replaceAll("[《》]", "")
                .replaceAll("[。．.，,；;：:\\s　]+$", "")
                .strip();
    }

    private void tone(DocumentText document, Map<String, Direction> toAddressees, List<Finding> findings) {
        String body = document.body();
        boolean toSuperiorOrPeer = toAddressees.values().stream()
                .anyMatch(direction -> direction == Direction.UP || direction == Direction.PARALLEL);
        if (toSuperiorOrPeer) {
            List<String> found = COMMANDING.stream().filter(body::contains).toList();
            if (!found.isEmpty()) {
                findings.add(
                        finding("TONE", Severity.WARNING, "documents.rules.tone.commanding", String.join("、", found)));
            }
        }
        boolean onlyDown = !toAddressees.isEmpty()
                && toAddressees.values().stream().allMatch(direction -> direction == Direction.DOWN);
        if (onlyDown && document.genre() != Genre.REQUEST && document.genre() != Genre.REPORT) {
            List<String> found = BEGGING.stream().filter(body::contains).toList();
            if (!found.isEmpty()) {
                findings.add(
                        finding("TONE", Severity.WARNING, "documents.rules.tone.begging", String.join("、", found)));
            }
        }
        if (document.genre() == Genre.REQUEST
                && !body.isBlank()
                && !CLOSING_REQUEST.matcher(lastPart(body)).find()) {
            findings.add(finding("TONE", Severity.ERROR, "documents.rules.tone.noClosingRequest"));
        }
        CLOSINGS.forEach((closing, genre) -> {
            if (body.contains(closing) && document.genre() != genre) {
                findings.add(finding(
                        "TONE",
                        Severity.WARNING,
                        "documents.rules.tone.closing",
                        closing,
                        document.genre().word(),
                        genre.word()));
            }
        });
    }

    private static Map<String, Genre> closings() {
        Map<String, Genre> closings = new LinkedHashMap<>();
        closings.put("特此通知", Genre.NOTICE);
        closings.put("特此报告", Genre.REPORT);
        closings.put("特此批复", Genre.REPLY);
        closings.put("特此通报", Genre.BULLETIN);
        closings.put("特此函告", Genre.LETTER);
        closings.put("特此函复", Genre.LETTER);
        closings.put("此复", Genre.REPLY);
        return closings;
    }

    /** The last two sentences of the body, before any attachment note: where the closing request stands. */
    private static String lastPart(String body) {
        String main = body.split("\\R[\\s　]*附件[：:]", 2)[0];
        List<String> sentences = sentences(main);
        int from = Math.max(0, sentences.size() - 2);
        return String.join("。", sentences.subList(from, sentences.size()));
    }

    private static boolean isClosingFormula(String sentence) {
        return CLOSING_REQUEST.matcher(sentence).find() && sentence.strip().length() <= 16;
    }

    private static List<String> sentences(String body) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(body)) {
            if (!sentence.isBlank()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private static String abbreviate(String sentence) {
        return sentence.length() <= 30 ? sentence : sentence.substring(0, 30) + "……";
    }

    private Direction direction(UnitSummary from, UnitSummary to) {
        return directory.direction(Party.unit(from.id()), Party.unit(to.id()));
    }

    private Map<String, UnitSummary> unitsByName() {
        Map<String, UnitSummary> byName = new LinkedHashMap<>();
        for (UnitSummary unit : directory.activeUnits()) {
            byName.putIfAbsent(unit.name(), unit);
        }
        for (UnitSummary unit : directory.activeUnits()) {
            if (unit.shortName() != null && !unit.shortName().isBlank()) {
                byName.putIfAbsent(unit.shortName(), unit);
            }
        }
        return byName;
    }

    private Optional<UnitSummary> resolve(
            String name, Map<String, UnitSummary> units, List<Finding> findings, String role) {
        String key = unitName(name);
        if (key.isEmpty()) {
            if (role.equals("issuer")) {
                findings.add(finding(UNKNOWN_UNIT, Severity.ERROR, "documents.rules.issuerMissing"));
            }
            return Optional.empty();
        }
        UnitSummary unit = units.get(key);
        if (unit == null) {
            findings.add(finding(
                    UNKNOWN_UNIT,
                    Severity.ERROR,
                    "documents.rules.unknownUnit",
                    text("documents.rules.role." + role),
                    key));
            return Optional.empty();
        }
        return Optional.of(unit);
    }

    private Map<String, UnitSummary> resolveAll(
            List<String> names, Map<String, UnitSummary> units, List<Finding> findings, String role) {
        Map<String, UnitSummary> resolved = new LinkedHashMap<>();
        for (String name : names) {
            resolve(name, units, findings, role).ifPresent(unit -> resolved.put(unitName(name), unit));
        }
        return resolved;
    }

    /** A unit's name as written in an addressee line: without the trailing colon or separators. */
    private static String unitName(@Nullable String name) {
        return name == null ? "" : name.strip().replaceAll("[：:，,、；;。]+$", "").strip();
    }

    private Finding finding(String rule, Severity severity, String key, Object... arguments) {
        return new Finding(rule, severity, text(key, arguments));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
    }
}
