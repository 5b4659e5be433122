package org.accord.information;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of information work, for the office's page and for the review module: briefs sent, read,
 * commented and instructed on (信息采用 and 批示 counts) per author and per author's unit in a year, and
 * situation requests answered on time per unit (requests whose deadline has passed).
 */
@Service
public class InformationFigures {

    /**
     * Briefs of one author (or one unit) in a year. A brief counts once however many leaders read it.
     *
     * @param read briefs read by at least one leader
     * @param commented briefs with at least one leader's comment (信息采用)
     * @param instructed briefs with at least one instruction (批示)
     */
    public record BriefFigures(String name, String unitName, long sent, long read, long commented, long instructed) {}

    /**
     * Situation requests to one unit whose deadline has passed.
     *
     * @param onTime submitted by the deadline (a withdrawn answer not submitted again does not count)
     * @param late submitted after it, with the office's permission
     * @param missing never submitted
     */
    public record RequestFigures(long unitId, String unitName, long asked, long onTime, long late, long missing) {}

    private final BriefStore briefs;
    private final RequestStore requests;
    private final Directory directory;

    InformationFigures(BriefStore briefs, RequestStore requests, Directory directory) {
        this.briefs = briefs;
        this.requests = requests;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public List<BriefFigures> briefsByAuthor(int year) {
        List<BriefFigures> result = new ArrayList<>();
        for (Object[] row : briefs.figures(year)) {
            result.add(new BriefFigures(
                    (String) row[1], unitName((Long) row[2]), (Long) row[3], (Long) row[4], (Long) row[5], (Long)
                            row[6]));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public List<BriefFigures> briefsByUnit(int year) {
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        for (BriefFigures author : briefsByAuthor(year)) {
            long[] sums = byUnit.computeIfAbsent(author.unitName(), k -> new long[4]);
            sums[0] += author.sent();
            sums[1] += author.read();
            sums[2] += author.commented();
            sums[3] += author.instructed();
        }
        List<BriefFigures> result = new ArrayList<>();
        byUnit.forEach((unit, sums) -> result.add(new BriefFigures(unit, unit, sums[0], sums[1], sums[2], sums[3])));
        return result;
    }

    @Transactional(readOnly = true)
    public List<RequestFigures> requestsByUnit() {
        List<RequestFigures> result = new ArrayList<>();
        for (Object[] row : requests.onTimeByUnit()) {
            long unitId = (Long) row[0];
            long asked = (Long) row[1];
            long onTime = (Long) row[2];
            long late = (Long) row[3];
            result.add(new RequestFigures(unitId, unitName(unitId), asked, onTime, late, asked - onTime - late));
        }
        return result;
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }
}
